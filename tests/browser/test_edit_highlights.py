"""Working with existing highlights: overlap, the editor, notes, delete and undo."""

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation

from .selection import click_text, drag_select
from .support import TARGET_SENTENCE, mark_of, reader_swap

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "<script>alert(1)</script> and https://example.org"


def editor_quote(page):
    return page.locator("#editor .editor-quote")


def test_overlapping_highlights_nest_and_each_part_opens_its_own_editor(
    logged_in_page, open_article, article
):
    page = open_article(logged_in_page, article)
    first_text = "More North Korean troops could be deployed"
    second_text = "troops could be deployed in the war"
    drag_select(page, first_text)
    with reader_swap(page):
        page.keyboard.press("c")
    expect(page.locator("#article-body mark")).to_have_text(first_text)
    drag_select(page, second_text)  # starts inside the first highlight
    with reader_swap(page):
        page.keyboard.press("q")
    expect(page.locator("#sidebar .highlight-link")).to_have_count(2)

    first = Annotation.objects.get(tag="claim")
    second = Annotation.objects.get(tag="quote")
    assert (first.exact, second.exact) == (first_text, second_text)
    first_marks = mark_of(page, first)
    second_marks = mark_of(page, second)
    # Each highlight is cut into runs at the other's boundaries; the shared run is nested.
    expect(first_marks).to_have_text(["More North Korean ", "troops could be deployed"])
    expect(second_marks).to_have_text(["troops could be deployed", " in the war"])
    nested = page.locator(
        f'mark[data-annotation-id="{first.pk}"] > mark[data-annotation-id="{second.pk}"]'
    )
    expect(nested).to_have_text("troops could be deployed")
    expect(nested).to_have_attribute("data-tag", "quote")

    click_text(page, "More North")
    expect(editor_quote(page)).to_have_text(first_text)
    page.get_by_role("button", name="Close").click()
    expect(page.locator("#editor")).to_be_hidden()

    click_text(page, "in the war")
    expect(editor_quote(page)).to_have_text(second_text)


def test_editor_changes_the_tag_from_claim_to_opinion(
    logged_in_page, open_article, article, reader, make_highlight
):
    highlight = make_highlight(reader, article, TARGET_SENTENCE, tag="claim")
    page = open_article(logged_in_page, article)
    mark = mark_of(page, highlight)
    expect(mark).to_have_attribute("data-tag", "claim")

    mark.click()
    editor = page.get_by_role("dialog", name="Edit highlight")
    expect(editor).to_be_visible()
    expect(editor.get_by_role("radio", name="Claim")).to_be_checked()
    editor.get_by_role("radio", name="Opinion").check()
    editor.get_by_role("button", name="Save").click()

    expect(editor).to_be_hidden()
    expect(mark).to_have_attribute("data-tag", "opinion")
    expect(mark).to_have_text(TARGET_SENTENCE)
    expect(page.locator("#sidebar .highlight-link .tag-label")).to_have_text("Opinion")
    expect(page.locator("#status")).to_have_text("Saved as opinion.")
    highlight.refresh_from_db()
    assert highlight.tag == "opinion"


def test_note_with_markup_is_shown_as_text_and_its_url_as_a_link(
    logged_in_page, open_article, article, reader, make_highlight
):
    highlight = make_highlight(reader, article, TARGET_SENTENCE, tag="claim")
    page = open_article(logged_in_page, article)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    mark_of(page, highlight).click()
    editor = page.get_by_role("dialog", name="Edit highlight")
    editor.get_by_label("Note").fill(NOTE)
    with reader_swap(page):
        editor.get_by_role("button", name="Save").click()

    note = page.locator("#sidebar .note")
    expect(note).to_have_text(NOTE)
    expect(note.locator("script")).to_have_count(0)
    link = note.get_by_role("link", name="https://example.org")
    expect(link).to_have_attribute("href", "https://example.org")
    expect(page.locator("#reader script")).to_have_count(0)
    # The note goes back into the editor as text, too.
    page.locator("#sidebar .highlight-link").click()
    expect(editor.get_by_label("Note")).to_have_value(NOTE)
    assert dialogs == []
    highlight.refresh_from_db()
    assert highlight.note == NOTE


def test_deleted_highlight_comes_back_with_undo(
    logged_in_page, open_article, article, reader, make_highlight
):
    highlight = make_highlight(reader, article, TARGET_SENTENCE, tag="quote", note="keep me")
    page = open_article(logged_in_page, article)
    marks = page.locator("#article-body mark")
    expect(marks).to_have_count(1)

    marks.click()
    with reader_swap(page):
        page.get_by_role("dialog", name="Edit highlight").get_by_role(
            "button", name="Delete"
        ).click()

    expect(marks).to_have_count(0)
    expect(page.locator("#sidebar .highlight-link")).to_have_count(0)
    status = page.locator("#status")
    expect(status).to_contain_text("Deleted highlight")
    assert not Annotation.objects.exists()

    status.get_by_role("button", name="Undo").click()

    expect(marks).to_have_count(1)
    expect(marks).to_have_text(TARGET_SENTENCE)
    expect(marks).to_have_attribute("data-tag", "quote")
    restored = Annotation.objects.get()
    assert (restored.exact, restored.tag, restored.note) == (TARGET_SENTENCE, "quote", "keep me")
    assert (restored.start, restored.end) == (highlight.start, highlight.end)


def test_escape_closes_the_editor_and_returns_focus_to_the_mark(
    logged_in_page, open_article, article, reader, make_highlight
):
    highlight = make_highlight(reader, article, TARGET_SENTENCE)
    page = open_article(logged_in_page, article)
    mark = mark_of(page, highlight)
    mark.click()
    expect(page.get_by_role("dialog", name="Edit highlight")).to_be_visible()

    page.keyboard.press("Escape")

    expect(page.locator("#editor")).to_be_hidden()
    expect(mark).to_be_focused()


def test_opening_the_editor_moves_focus_to_the_checked_tag(
    logged_in_page, open_article, article, reader, make_highlight
):
    highlight = make_highlight(reader, article, TARGET_SENTENCE, tag="quote")
    page = open_article(logged_in_page, article)

    mark_of(page, highlight).click()

    editor = page.get_by_role("dialog", name="Edit highlight")
    expect(editor).to_be_visible()
    expect(editor.get_by_role("radio", name="Quote")).to_be_focused()


def test_sidebar_item_opens_the_editor_for_its_highlight(
    logged_in_page, open_article, article, reader, make_highlight
):
    make_highlight(reader, article, 'It is "highly likely" North Korea', tag="quote")
    target = make_highlight(reader, article, TARGET_SENTENCE, tag="claim")
    page = open_article(logged_in_page, article)
    items = page.locator("#sidebar .highlight-link")
    expect(items).to_have_count(2)  # in text order: the earlier quote first

    items.nth(1).click()

    expect(editor_quote(page)).to_have_text(TARGET_SENTENCE)
    expect(page.locator("#editor")).to_have_attribute("data-return-to", str(target.pk))
    expect(mark_of(page, target)).to_be_in_viewport()
