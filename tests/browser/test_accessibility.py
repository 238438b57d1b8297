"""axe-core finds no serious or critical accessibility problems; a screenshot of the reading view.

axe-core is fetched from the npm registry by scripts/fetch-axe.sh (see the axe_script fixture).
"""

import pytest
from playwright.sync_api import expect

from .support import ARTIFACTS, TARGET_SENTENCE, describe, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def highlighted_article(reader, article, make_highlight):
    """The seed article with one highlight of each tag, two of them overlapping, and a note."""
    make_highlight(
        reader, article, 'It is "highly likely" North Korea will send more troops', tag="quote"
    )
    make_highlight(
        reader,
        article,
        "North Korea will send more troops to fight for Russia",
        tag="opinion",
        note="Compare with https://example.org",
    )
    make_highlight(reader, article, TARGET_SENTENCE, tag="claim")
    return article


def test_article_list_has_no_serious_axe_violations(
    logged_in_page, live_server, highlighted_article, axe_script
):
    page = logged_in_page
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("link", name=highlighted_article.title)).to_be_visible()

    violations = serious_violations(page, axe_script)

    assert not violations, describe(violations)


def test_reading_view_with_highlights_has_no_serious_axe_violations(
    logged_in_page, open_article, highlighted_article, axe_script
):
    page = open_article(logged_in_page, highlighted_article)
    expect(page.locator("#article-body mark")).not_to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "reading-view.png", full_page=True)

    violations = serious_violations(page, axe_script)

    assert not violations, describe(violations)


def test_reading_view_with_the_editor_open_has_no_serious_axe_violations(
    logged_in_page, open_article, highlighted_article, axe_script
):
    page = open_article(logged_in_page, highlighted_article)
    page.locator("#article-body mark[data-tag=claim]").click()
    expect(page.get_by_role("dialog", name="Edit highlight")).to_be_visible()

    violations = serious_violations(page, axe_script)

    assert not violations, describe(violations)
