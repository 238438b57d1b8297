"""The sidebar's tag filters, and highlights staying private to their owner."""

import pytest
from playwright.sync_api import expect

from .support import TARGET_SENTENCE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE_TEXT = 'It is "highly likely" North Korea'


@pytest.fixture
def claim_and_quote(reader, article, make_highlight):
    return (
        make_highlight(reader, article, TARGET_SENTENCE, tag="claim"),
        make_highlight(reader, article, QUOTE_TEXT, tag="quote"),
    )


def test_unchecking_claim_hides_claim_items_in_the_sidebar(
    logged_in_page, open_article, article, claim_and_quote
):
    page = open_article(logged_in_page, article)
    claim_item = page.locator("#sidebar .highlight-list li[data-tag=claim]")
    quote_item = page.locator("#sidebar .highlight-list li[data-tag=quote]")
    expect(claim_item).to_be_visible()

    page.locator("#sidebar .tag-filter[value=claim]").uncheck()

    expect(claim_item).to_be_hidden()
    expect(quote_item).to_be_visible()
    expect(page.locator("#sidebar .tag-filter[value=quote]")).to_be_checked()


def test_tag_filter_is_remembered_after_reload(
    logged_in_page, open_article, article, claim_and_quote
):
    page = open_article(logged_in_page, article)
    page.locator("#sidebar .tag-filter[value=claim]").uncheck()

    page.reload()

    expect(page.locator("#sidebar .tag-filter[value=claim]")).not_to_be_checked()
    expect(page.locator("#sidebar .highlight-list li[data-tag=claim]")).to_be_hidden()
    expect(page.locator("#sidebar .highlight-list li[data-tag=quote]")).to_be_visible()


def test_second_user_does_not_see_the_first_users_highlights(
    logged_in_page, open_article, article, claim_and_quote, other_user, new_context, live_server
):
    owner_page = open_article(logged_in_page, article)
    expect(owner_page.locator("#article-body mark")).to_have_count(2)

    other_page = sign_in(new_context().new_page(), live_server.url, "other", "other-pass")
    open_article(other_page, article)

    expect(other_page.get_by_role("button", name="Sign out")).to_contain_text("other")
    expect(other_page.locator("#article-body")).to_contain_text(TARGET_SENTENCE)
    expect(other_page.locator("#article-body mark")).to_have_count(0)
    expect(other_page.locator("#sidebar .highlight-link")).to_have_count(0)
    expect(other_page.locator("#sidebar h2")).to_have_text("Your highlights (0)")
    expect(other_page.locator("#sidebar .legend .count")).to_have_text(["0", "0", "0"])


def test_second_user_cannot_open_the_first_users_highlight_editor(
    claim_and_quote, other_user, new_context, live_server
):
    claim, _ = claim_and_quote
    other_page = sign_in(new_context().new_page(), live_server.url, "other", "other-pass")

    response = other_page.request.get(f"{live_server.url}/annotations/{claim.pk}/")

    assert response.status == 404
    assert TARGET_SENTENCE not in response.text()
