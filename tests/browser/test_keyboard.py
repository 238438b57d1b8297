"""Highlighting without a mouse, and the cases where the toolbar must not appear."""

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation

from .selection import drag_select, place_caret_before, selected_text
from .support import TARGET_SENTENCE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# selection.js refreshes the toolbar 120 ms after the last selectionchange; waiting a little longer
# is the only way to observe that something did NOT happen.
DEBOUNCE_MS = 300


@pytest.fixture(scope="module")
def caret_browser(browser_type, browser_type_launch_args):
    """Chromium with caret browsing (F7) on, as a keyboard-only reader uses it: without it the
    arrow keys scroll the page and cannot move a caret through the article text."""
    args = [*browser_type_launch_args.get("args", []), "--enable-caret-browsing"]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


@pytest.fixture
def keyboard_page(caret_browser, browser_context_args, live_server, reader):
    context = caret_browser.new_context(**browser_context_args)
    yield sign_in(context.new_page(), live_server.url, "reader", "reader-pass")
    context.close()


def select_with_keyboard(page, text):
    place_caret_before(page, text)
    for _ in text:
        page.keyboard.press("Shift+ArrowRight")
    assert selected_text(page) == text


def test_keyboard_selection_tagged_with_q_is_announced_and_keeps_focus(
    keyboard_page, open_article, article
):
    page = open_article(keyboard_page, article)
    select_with_keyboard(page, TARGET_SENTENCE)
    expect(page.locator("#highlight-toolbar")).to_be_visible()

    page.keyboard.press("q")

    mark = page.locator("#article-body mark")
    expect(mark).to_have_text(TARGET_SENTENCE)
    expect(mark).to_have_attribute("data-tag", "quote")
    expect(page.locator("#status")).to_have_text(f"Highlighted as quote: “{TARGET_SENTENCE}”")
    annotation_id = str(Annotation.objects.get().pk)
    focused = page.evaluate(
        """() => {
          const el = document.activeElement;
          return { tag: el.tagName, id: el.id, annotationId: el.dataset?.annotationId ?? null };
        }"""
    )
    assert focused in (
        {"tag": "MARK", "id": "", "annotationId": annotation_id},
        {"tag": "ARTICLE", "id": "article-body", "annotationId": None},
    ), f"focus went to {focused}"


def test_n_focuses_the_note_and_keyboard_submit_saves_it(keyboard_page, open_article, article):
    page = open_article(keyboard_page, article)
    select_with_keyboard(page, TARGET_SENTENCE)

    page.keyboard.press("n")
    note = page.locator("#toolbar-note")
    expect(note).to_be_focused()
    # The letters c, q and o typed into the note must not tag anything.
    page.keyboard.type("Check who quoted this")
    expect(note).to_have_value("Check who quoted this")
    expect(page.locator("#article-body mark")).to_have_count(0)

    page.keyboard.press("Shift+Tab")  # back from the note field to the last tag button
    expect(page.get_by_role("button", name="Opinion")).to_be_focused()
    page.keyboard.press("Enter")

    mark = page.locator("#article-body mark")
    expect(mark).to_have_text(TARGET_SENTENCE)
    expect(mark).to_have_attribute("data-tag", "opinion")
    expect(page.locator("#sidebar .note")).to_have_text("Check who quoted this")
    saved = Annotation.objects.get()
    assert (saved.tag, saved.note) == ("opinion", "Check who quoted this")


def test_escape_hides_the_toolbar(logged_in_page, open_article, article):
    page = open_article(logged_in_page, article)
    drag_select(page, TARGET_SENTENCE)
    toolbar = page.locator("#highlight-toolbar")
    expect(toolbar).to_be_visible()

    page.keyboard.press("Escape")

    expect(toolbar).to_be_hidden()


def record_posts(page) -> list[str]:
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    return posts


def expect_no_toolbar_and_c_does_nothing(page, posts, marks: str) -> None:
    page.wait_for_timeout(DEBOUNCE_MS)
    expect(page.locator("#highlight-toolbar")).to_be_hidden()

    page.keyboard.press("c")
    page.wait_for_timeout(DEBOUNCE_MS)

    expect(page.locator("#highlight-toolbar")).to_be_hidden()
    expect(page.locator(marks)).to_have_count(0)
    assert posts == []
    assert not Annotation.objects.exists()


def test_collapsed_selection_shows_no_toolbar_and_c_does_nothing(
    logged_in_page, open_article, article
):
    page = open_article(logged_in_page, article)
    posts = record_posts(page)
    place_caret_before(page, TARGET_SENTENCE)
    expect_no_toolbar_and_c_does_nothing(page, posts, marks="#article-body mark")


def test_selection_in_the_page_title_shows_no_toolbar_and_c_does_nothing(
    logged_in_page, open_article, article
):
    page = open_article(logged_in_page, article)
    posts = record_posts(page)
    drag_select(page, "North Korea To Deploy More Soldiers", root="h1")
    assert selected_text(page) == "North Korea To Deploy More Soldiers"
    expect_no_toolbar_and_c_does_nothing(page, posts, marks="mark")
