"""Highlights a re-import placed on similar words: keep them there or set them aside."""

import re

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Annotation
from articles.importing import import_file

from .support import ARTIFACTS, describe, mark_of, reader_swap, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "A Library Closes Its Doors"
BODY = [
    "The council voted on Tuesday to close the library branch on Elm Street.",
    "Residents said the decision ignored three hundred letters of protest from families.",
    "The mayor promised a review of the budget before the end of the year.",
]
WAS = "three hundred letters of protest"
NOW = "three hundred and twelve letters of protest"
# Gone from the new text altogether: a highlight on it cannot be placed.
VANISHING = "promised a review of the budget"
NEW_LAST = "Parking on Main Street will cost more from March."

REVIEW_CUE = re.compile(r"(^|\s)hl-review(\s|$)")
KEEP_STATUS = f"Kept at its new place: “{NOW}”."
REJECT_STATUS = "Set aside with the highlights that could not be placed."


def write_page(path, body):
    path.write_text(TITLE + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


@pytest.fixture
def reimport(reader, tmp_path, make_highlight):
    """Import a page, highlight WAS (and VANISHING if asked), then import its changed text: WAS
    changed a little (needs review) and VANISHING's sentence is gone (orphaned)."""

    def reimport_(*, vanishing=False):
        path = tmp_path / "library.txt"
        write_page(path, BODY)
        article = import_file(path, max_bytes=10_000).article
        phrases = [(WAS, "claim"), (VANISHING, "quote")] if vanishing else [(WAS, "claim")]
        made = [make_highlight(reader, article, p, tag) for p, tag in phrases]
        write_page(path, [BODY[0], BODY[1].replace(WAS, NOW), NEW_LAST if vanishing else BODY[2]])
        result = import_file(path, max_bytes=10_000)
        assert result.outcome == "updated"
        for annotation in made:
            annotation.refresh_from_db()
        assert made[0].status == Annotation.Status.NEEDS_REVIEW
        if vanishing:
            assert made[1].status == Annotation.Status.ORPHANED
        return result.article, made[0]

    return reimport_


def review_section(page: Page):
    return page.get_by_role("region", name=re.compile("Check where these moved"))


def orphaned_list(page: Page):
    return page.locator("#sidebar ul.orphaned")


def tab_to(page: Page, target, limit: int = 60) -> None:
    """Press Tab, as a keyboard user does, until `target` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"{limit} presses of Tab never reached {target}")


def expect_under_review(page: Page, annotation) -> None:
    section = review_section(page)
    expect(section).to_be_visible()
    expect(section.locator("q.was")).to_have_text(WAS)
    expect(section.locator("q.now")).to_have_text(NOW)
    expect(mark_of(page, annotation)).to_have_text(NOW)
    expect(mark_of(page, annotation)).to_have_class(REVIEW_CUE)


def expect_kept(page: Page, annotation) -> None:
    expect(review_section(page)).to_have_count(0)
    mark = mark_of(page, annotation)
    expect(mark).to_have_text(NOW)
    expect(mark).not_to_have_class(REVIEW_CUE)
    expect(mark).to_have_attribute("data-tag", "claim")
    expect(page.locator("#sidebar .highlight-list .quote")).to_have_text(NOW)
    expect(orphaned_list(page)).to_have_count(0)


def expect_set_aside(page: Page, annotation) -> None:
    expect(review_section(page)).to_have_count(0)
    expect(mark_of(page, annotation)).to_have_count(0)
    expect(page.locator("#article-body mark")).to_have_count(0)
    expect(page.locator("#sidebar .highlight-list")).to_have_count(0)
    expect(page.get_by_role("heading", name="Highlights that could not be placed")).to_be_visible()
    expect(orphaned_list(page).locator("li")).to_have_text(re.compile(f"Claim\\s+{WAS}$"))


@pytest.mark.parametrize(
    ("button", "expect_after", "status", "saved"),
    [
        ("Keep here", expect_kept, KEEP_STATUS, (Annotation.Status.ANCHORED, NOW)),
        ("Not these words", expect_set_aside, REJECT_STATUS, (Annotation.Status.ORPHANED, WAS)),
    ],
    ids=["keep-here-confirms-the-new-place", "not-these-words-sets-it-aside"],
)
def test_review_choice_takes_effect_and_survives_a_reload(
    logged_in_page, open_article, reimport, button, expect_after, status, saved
):
    article, annotation = reimport()
    page = open_article(logged_in_page, article)
    expect_under_review(page, annotation)

    with reader_swap(page):
        review_section(page).get_by_role("button", name=button).click()

    expect_after(page, annotation)
    expect(page.locator("#status")).to_have_text(status)
    annotation.refresh_from_db()
    assert (annotation.status, annotation.exact) == saved

    page.reload()
    expect_after(page, annotation)


def test_keep_here_by_keyboard_moves_focus_to_the_kept_highlight(
    logged_in_page, open_article, reimport
):
    article, annotation = reimport()
    page = open_article(logged_in_page, article)
    expect_under_review(page, annotation)

    tab_to(page, review_section(page).get_by_role("button", name="Keep here"))
    with reader_swap(page):
        page.keyboard.press("Enter")

    expect_kept(page, annotation)
    expect(page.locator("#status")).to_have_text(KEEP_STATUS)
    expect(mark_of(page, annotation)).to_be_focused()
    expect(mark_of(page, annotation)).to_be_in_viewport()


def test_not_these_words_by_keyboard_moves_focus_to_the_article(
    logged_in_page, open_article, reimport
):
    article, annotation = reimport()
    page = open_article(logged_in_page, article)
    expect_under_review(page, annotation)

    tab_to(page, review_section(page).get_by_role("button", name="Not these words"))
    with reader_swap(page):
        page.keyboard.press("Space")

    expect_set_aside(page, annotation)
    expect(page.locator("#article-body")).to_be_focused()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_reading_view_with_review_and_orphan_has_no_serious_axe_violations(
    logged_in_page, open_article, reimport, axe_script, color_scheme
):
    article, annotation = reimport(vanishing=True)
    page = logged_in_page
    page.emulate_media(color_scheme=color_scheme)
    open_article(page, article)
    expect_under_review(page, annotation)
    expect(orphaned_list(page).locator("li")).to_have_text(re.compile(f"Quote\\s+{VANISHING}$"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"reading-view-review-{color_scheme}.png", full_page=True)
    page.locator("#sidebar").screenshot(
        path=ARTIFACTS / f"reading-view-review-sidebar-{color_scheme}.png"
    )

    violations = serious_violations(page, axe_script)

    assert not violations, describe(violations)
