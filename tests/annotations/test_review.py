"""Re-import through the importer: fuzzy moves, highlights to review, orphans re-tried."""

import pytest
from django.test import Client

from annotations.models import Annotation
from articles.importing import import_file

HTMX = {"HX-Request": "true"}
TITLE = "A Library Closes Its Doors\n\n"
BODY = [
    "The council voted on Tuesday to close the library branch on Elm Street.",
    "Residents said the decision ignored three hundred letters of protest from families.",
    "The mayor promised a review of the budget before the end of the year.",
]


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "library.txt"
    path.write_text(TITLE + "\n\n".join(BODY) + "\n")
    return path


def reimport(page, body):
    page.write_text(TITLE + "\n\n".join(body) + "\n")
    result = import_file(page, max_bytes=10_000)
    assert result.outcome == "updated"
    return result.article


@pytest.fixture
def highlight(page, reader, make_highlight):
    article = import_file(page, max_bytes=10_000).article

    def make(phrase, tag="claim", user=reader):
        return make_highlight(user, article, phrase, tag=tag)

    return make


@pytest.mark.django_db
def test_typo_fix_moves_the_highlight_and_keeps_the_first_quote(page, highlight):
    annotation = highlight("ignored three hundred letters of protest")
    article = reimport(page, [BODY[0], BODY[1].replace("ignored", "ignord"), BODY[2]])
    annotation.refresh_from_db()
    text = article.canonical_text
    assert annotation.status == Annotation.Status.ANCHORED
    assert annotation.exact == "ignord three hundred letters of protest"
    assert text[annotation.start : annotation.end] == annotation.exact
    assert annotation.original_exact == "ignored three hundred letters of protest"
    assert annotation.prefix == text[max(0, annotation.start - 32) : annotation.start]


@pytest.mark.django_db
def test_weak_match_waits_for_review_then_the_owner_keeps_it(page, highlight, reader_client):
    annotation = highlight("three hundred letters of protest")
    changed = BODY[1].replace("three hundred letters", "three hundred and twelve letters")
    article = reimport(page, [BODY[0], changed, BODY[2]])
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.NEEDS_REVIEW
    assert annotation.exact == "three hundred letters of protest"  # the quote as made
    now = article.canonical_text[annotation.start : annotation.end]
    assert now.startswith("three hundred and twelve letters")

    page_html = reader_client.get(f"/articles/{article.pk}/").text
    assert "Check where these moved" in page_html and "hl-review" in page_html

    response = reader_client.post(
        f"/annotations/{annotation.pk}/review/", {"decision": "confirm"}, headers=HTMX
    )
    assert response.status_code == 200 and "Kept at its new place" in response.text
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.ANCHORED and annotation.exact == now
    assert "Check where these moved" not in response.text


@pytest.mark.django_db
def test_rejecting_orphans_it_and_a_later_import_retries(page, highlight, reader_client):
    annotation = highlight("three hundred letters of protest")
    changed = BODY[1].replace("three hundred letters", "three hundred and twelve letters")
    article = reimport(page, [BODY[0], changed, BODY[2]])
    response = reader_client.post(
        f"/annotations/{annotation.pk}/review/", {"decision": "reject"}, headers=HTMX
    )
    assert "could not be placed" in response.text
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.ORPHANED
    assert annotation.exact == "three hundred letters of protest"

    article = reimport(page, ["A new first paragraph.", *BODY])
    annotation.refresh_from_db()
    text = article.canonical_text
    assert annotation.status == Annotation.Status.ANCHORED
    assert text[annotation.start : annotation.end] == "three hundred letters of protest"


@pytest.mark.django_db
def test_review_is_the_owners_alone_and_only_for_flagged_highlights(
    page, highlight, reader_client, other_user
):
    mine = highlight("three hundred letters of protest")
    anchored = highlight("The council voted")
    reimport(page, [BODY[0], BODY[1].replace("three hundred", "three hundred and twelve"), BODY[2]])
    stranger = Client()
    stranger.force_login(other_user)
    response = stranger.post(f"/annotations/{mine.pk}/review/", {"decision": "confirm"})
    assert response.status_code == 404
    url = f"/annotations/{anchored.pk}/review/"
    assert reader_client.post(url, {"decision": "confirm"}).status_code == 404
    url = f"/annotations/{mine.pk}/review/"
    assert reader_client.post(url, {"decision": "maybe"}).status_code == 400
    mine.refresh_from_db()
    assert mine.status == Annotation.Status.NEEDS_REVIEW


@pytest.mark.django_db
def test_nothing_is_lost_whatever_happens_to_the_text(page, highlight):
    for phrase in ("The council voted", "three hundred letters", "promised a review"):
        highlight(phrase)
    for body in ([], ["Only this."], BODY[::-1], [b.upper() for b in BODY], BODY):
        reimport(page, body or ["Nothing here."])
        assert Annotation.objects.count() == 3
    statuses = set(Annotation.objects.values_list("status", flat=True))
    assert statuses == {Annotation.Status.ANCHORED}
