"""Creating highlights from real selections: mouse drags, shortcuts, toolbar buttons, snapping."""

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation

from .selection import drag_select, selected_text
from .support import EMOJI_SENTENCE, TARGET_SENTENCE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("key", "tag"), [("c", "claim"), ("q", "quote")])
def test_mouse_selection_tagged_with_shortcut_survives_reload(
    logged_in_page, open_article, article, key, tag
):
    page = open_article(logged_in_page, article)
    drag_select(page, TARGET_SENTENCE)
    assert selected_text(page) == TARGET_SENTENCE
    expect(page.locator("#highlight-toolbar")).to_be_visible()

    page.keyboard.press(key)

    mark = page.locator("#article-body mark")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text(TARGET_SENTENCE)
    expect(mark).to_have_attribute("data-tag", tag)
    expect(page.locator("#status")).to_contain_text(f"Highlighted as {tag}")

    page.reload()
    mark = page.locator("#article-body mark")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text(TARGET_SENTENCE)
    expect(mark).to_have_attribute("data-tag", tag)
    saved = Annotation.objects.get()
    assert (saved.exact, saved.tag) == (TARGET_SENTENCE, tag)


def test_toolbar_opinion_button_tags_the_selection(logged_in_page, open_article, article):
    page = open_article(logged_in_page, article)
    drag_select(page, TARGET_SENTENCE)
    toolbar = page.locator("#highlight-toolbar")
    expect(toolbar).to_be_visible()

    toolbar.get_by_role("button", name="Opinion").click()

    mark = page.locator("#article-body mark")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text(TARGET_SENTENCE)
    expect(mark).to_have_attribute("data-tag", "opinion")
    expect(toolbar).to_be_hidden()
    expect(page.locator("#sidebar .highlight-link")).to_contain_text(TARGET_SENTENCE)


def test_selection_from_mid_word_snaps_to_whole_words(logged_in_page, open_article, article):
    page = open_article(logged_in_page, article)
    # "ore North Korean troops could be deplo": starts inside "More", ends inside "deployed".
    drag_select(page, "ore North Korean troops could be deplo")
    assert selected_text(page) == "ore North Korean troops could be deplo"

    page.keyboard.press("c")

    expect(page.locator("#article-body mark")).to_have_text(
        "More North Korean troops could be deployed"
    )


def test_snapping_turned_off_keeps_the_exact_selection(logged_in_page, open_article, article):
    page = open_article(logged_in_page, article)
    snap = page.get_by_label("Snap selections to whole words")
    snap.uncheck()
    expect(snap).not_to_be_checked()

    drag_select(page, "ore North Korean troops could be deplo")
    page.keyboard.press("c")

    expect(page.locator("#article-body mark")).to_have_text(
        "ore North Korean troops could be deplo"
    )
    # The choice is remembered: it is still off after the reader was swapped and after a reload.
    expect(page.locator("#snap-words")).not_to_be_checked()
    page.reload()
    expect(page.locator("#snap-words")).not_to_be_checked()


def test_selection_across_two_paragraphs_makes_one_highlight_in_both(
    logged_in_page, open_article, article
):
    page = open_article(logged_in_page, article)
    first = "More North Korean troops could be deployed in the war, from how we look at it."
    second = "Ukrainian outlets reported that six North Korean military officers"
    drag_select(page, "More North Korean troops", "Ukrainian outlets reported that six")

    page.keyboard.press("c")

    marks = page.locator("#article-body mark")
    expect(marks).to_have_count(2)
    expect(page.locator("#sidebar .highlight-link")).to_have_count(1)
    ids = marks.evaluate_all("ms => ms.map(m => m.dataset.annotationId)")
    assert len(set(ids)) == 1, ids
    expect(marks.nth(0)).to_have_text(first + '"')
    expect(marks.nth(1)).to_have_text("Ukrainian outlets reported that six")
    blocks = marks.evaluate_all("ms => ms.map(m => m.closest('[data-start]').textContent)")
    assert blocks[0].startswith("Yong-hyun, also told his parliament")
    assert blocks[1].startswith(second)
    saved = Annotation.objects.get()
    assert saved.exact.startswith("More North Korean troops")
    assert saved.exact.endswith("Ukrainian outlets reported that six")
    assert "\n\n" in saved.exact


def test_emoji_before_the_selection_do_not_shift_the_highlight(
    logged_in_page, open_article, emoji_article
):
    page = open_article(logged_in_page, emoji_article)
    drag_select(page, EMOJI_SENTENCE)
    assert selected_text(page) == EMOJI_SENTENCE

    page.keyboard.press("q")
    expect(page.locator("#article-body mark")).to_have_text(EMOJI_SENTENCE)

    page.reload()
    mark = page.locator("#article-body mark")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text(EMOJI_SENTENCE)
    expect(mark).to_have_attribute("data-tag", "quote")
    assert Annotation.objects.get().exact == EMOJI_SENTENCE
