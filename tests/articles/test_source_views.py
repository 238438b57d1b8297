import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertTemplateUsed

from articles.models import Reclassification

from .conftest import CREDIT_LINE, FIRST_COMMENT_LINE, PARAGRAPH_LINE, block_at_line


def _paths(article):
    """Every staff-only endpoint, as (method, path, data)."""
    block = block_at_line(article, PARAGRAPH_LINE)
    segment = article.stripped.get(source_line=CREDIT_LINE)
    comment = article.thread.comments.first()
    record = Reclassification.objects.create(
        article=article, action="block_to_stripped", text="x", change={}, source_sha256="0"
    )
    return [
        ("get", f"/articles/{article.pk}/source/", {}),
        ("post", f"/articles/{article.pk}/blocks/{block.pk}/strip/", {"kind": "ad"}),
        ("post", f"/articles/{article.pk}/stripped/{segment.pk}/restore/", {}),
        ("post", f"/articles/{article.pk}/comments/{comment.pk}/restore/", {}),
        ("post", f"/articles/{article.pk}/reclassifications/{record.pk}/undo/", {}),
    ]


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_staff_only_endpoints_redirect_anonymous_users_to_login(client, article):
    for method, path, data in _paths(article):
        response = getattr(client, method)(path, data)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/"), path


@pytest.mark.django_db
def test_staff_only_endpoints_are_404_for_readers(reader_client, article):
    before = article.canonical_text
    for method, path, data in _paths(article):
        assert getattr(reader_client, method)(path, data).status_code == 404, path
    article.refresh_from_db()
    assert article.canonical_text == before


@pytest.mark.django_db
def test_staff_only_endpoints_answer_staff(staff_client, article):
    for method, path, data in _paths(article):
        response = getattr(staff_client, method)(path, data)
        expected = 200 if method == "get" else 302
        assert response.status_code == expected, path


@pytest.mark.django_db
def test_actions_refuse_get(staff_client, article):
    for _, path, _ in _paths(article)[1:]:
        assert staff_client.get(path).status_code == 405, path


@pytest.mark.django_db
def test_actions_without_csrf_token_are_refused(staff, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    before = article.canonical_text
    for _, path, data in _paths(article)[1:]:
        assert client.post(path, data).status_code == 403, path
    article.refresh_from_db()
    assert article.canonical_text == before
    assert not article.reclassifications.exclude(text="x").exists()


@pytest.mark.django_db
def test_source_view_shows_every_line_with_its_destination_and_counts(staff_client, article):
    response = staff_client.get(f"/articles/{article.pk}/source/")
    assertTemplateUsed(response, "articles/article_source.html")
    html = response.content.decode()
    lines = article.source_lines()
    assert html.count('<tr id="line-') == len(lines)
    assert f'<tr id="line-{CREDIT_LINE + 1}" class="row-credit">' in html
    body_lines = sum(1 for dest, _ in lines if dest == "body")
    assert f'<span class="dest dest-body">body</span> {body_lines}</li>' in html
    assert html.count("Move out<span") == body_lines
    assert html.count(">Restore<span") == article.stripped.count() + 10  # ten comments


@pytest.mark.django_db
def test_source_view_escapes_the_source_text(staff_client, make_article):
    article = make_article(
        "A Headline That Is Long Enough Here\n\n"
        "The body says <script>alert('x')</script> and then carries on for a while longer.\n"
    )
    html = staff_client.get(f"/articles/{article.pk}/source/").content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html


@pytest.mark.django_db
def test_source_view_of_an_html_import_lists_blocks_segments_and_comments(
    staff_client, html_article
):
    response = staff_client.get(f"/articles/{html_article.pk}/source/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Imported from HTML" in html
    assert html.count("Move out<span") == html_article.blocks.count()
    expected = html_article.stripped.count() + html_article.thread.comments.count()
    assert html.count(">Restore<span") == expected
    assert "Raw HTML" in html


@pytest.mark.django_db
def test_moving_a_block_out_redirects_to_the_source_view_with_a_message(staff_client, article):
    block = block_at_line(article, PARAGRAPH_LINE)
    response = staff_client.post(
        f"/articles/{article.pk}/blocks/{block.pk}/strip/", {"kind": "related"}
    )
    assert response["Location"] == f"/articles/{article.pk}/source/"
    assert _messages(response)[0].startswith("Moved out of the body as related link: “Kim")
    assert article.stripped.get(source_line=PARAGRAPH_LINE).kind == "related"


@pytest.mark.django_db
def test_moving_a_block_with_an_unknown_kind_changes_nothing(staff_client, article):
    block = block_at_line(article, PARAGRAPH_LINE)
    response = staff_client.post(
        f"/articles/{article.pk}/blocks/{block.pk}/strip/", {"kind": "body"}
    )
    assert response.status_code == 302
    assert "Not moved" in _messages(response)[0]
    assert not article.reclassifications.exists()


@pytest.mark.django_db
def test_htmx_posts_get_a_client_redirect(staff_client, article):
    segment = article.stripped.get(source_line=CREDIT_LINE)
    response = staff_client.post(
        f"/articles/{article.pk}/stripped/{segment.pk}/restore/",
        {"back": "detail"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/articles/{article.pk}/"
    assert block_at_line(article, CREDIT_LINE).text == segment.text


@pytest.mark.django_db
def test_a_stale_form_is_refused_with_a_message(staff_client, article):
    block = block_at_line(article, PARAGRAPH_LINE)
    path = f"/articles/{article.pk}/blocks/{block.pk}/strip/"
    staff_client.post(path, {"kind": "ad"})
    response = staff_client.post(path, {"kind": "ad"})
    assert _messages(response)[-1].startswith("Nothing changed: That block is no longer")
    assert article.reclassifications.count() == 1


@pytest.mark.django_db
def test_history_shows_who_and_what_with_undo_for_the_latest(staff_client, staff, article):
    block = block_at_line(article, PARAGRAPH_LINE)
    staff_client.post(f"/articles/{article.pk}/blocks/{block.pk}/strip/", {"kind": "ad"})
    comment = next(c for c in article.thread.comments.all() if FIRST_COMMENT_LINE in c.source_lines)
    staff_client.post(f"/articles/{article.pk}/comments/{comment.pk}/restore/")
    latest = article.reclassifications.first()

    html = staff_client.get(f"/articles/{article.pk}/source/").content.decode()
    assert html.count("<td>editor</td>") == 2
    assert "Body block moved to stripped" in html and "Comment restored to body" in html
    assert html.count("Undo<span") == 1
    assert f"/reclassifications/{latest.pk}/undo/" in html

    response = staff_client.post(f"/articles/{article.pk}/reclassifications/{latest.pk}/undo/")
    assert _messages(response)[0].startswith("Undone: comment restored to body")
    html = staff_client.get(f"/articles/{article.pk}/source/").content.decode()
    assert "Undone by editor" in html
    assert html.count("Undo<span") == 1  # now the earlier change


@pytest.mark.django_db
def test_reading_view_offers_restore_and_source_link_to_staff_only(
    staff_client, reader_client, article
):
    staff_html = staff_client.get(f"/articles/{article.pk}/").content.decode()
    assert f'href="/articles/{article.pk}/source/"' in staff_html
    assert staff_html.count(">Restore<span") == article.stripped.count()
    reader_html = reader_client.get(f"/articles/{article.pk}/").content.decode()
    assert "/source/" not in reader_html and "Restore" not in reader_html


@pytest.mark.django_db
def test_restore_buttons_add_no_queries_to_the_reading_view(staff_client, reader_client, article):
    queries = []
    for client in (reader_client, staff_client):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/articles/{article.pk}/").status_code == 200
        queries.append(len(captured))
    assert queries[0] == queries[1]


@pytest.mark.django_db
def test_restore_from_the_reading_view_returns_there(staff_client, article):
    segment = article.stripped.get(source_line=CREDIT_LINE)
    response = staff_client.post(
        f"/articles/{article.pk}/stripped/{segment.pk}/restore/", {"back": "detail"}
    )
    assert response["Location"] == f"/articles/{article.pk}/"
    page = staff_client.get(response["Location"]).content.decode()
    assert "Restored to the body" in page


@pytest.mark.django_db
def test_admin_links_the_source_view_and_lists_changes_read_only(admin_client, article):
    page = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'href="/articles/{article.pk}/source/"' in page
    block = block_at_line(article, PARAGRAPH_LINE)
    admin_client.post(f"/articles/{article.pk}/blocks/{block.pk}/strip/", {"kind": "ad"})
    listing = admin_client.get("/admin/articles/reclassification/?action=block_to_stripped")
    assert listing.status_code == 200
    assert "Body block moved to stripped" in listing.content.decode()
    assert admin_client.get("/admin/articles/reclassification/add/").status_code == 403
