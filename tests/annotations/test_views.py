import pytest
from django.test import Client
from pytest_django.asserts import assertTemplateUsed

from annotations.models import Annotation

HTMX = {"HX-Request": "true"}
PHRASE = "More North Korean troops could be deployed in the war"


def create_payload(article, phrase=PHRASE, tag="quote", **extra):
    start = article.canonical_text.index(phrase)
    return {"tag": tag, "start": start, "end": start + len(phrase), "snap": "on", **extra}


@pytest.mark.django_db
def test_create_returns_the_reader_fragment_for_htmx(reader_client, article):
    response = reader_client.post(
        f"/articles/{article.pk}/annotations/", create_payload(article), headers=HTMX
    )
    assert response.status_code == 200
    assertTemplateUsed(response, "annotations/_reader.html")
    annotation = Annotation.objects.get()
    assert (annotation.tag, annotation.exact) == ("quote", PHRASE)
    assert f'data-annotation-id="{annotation.pk}" data-tag="quote"' in response.text
    assert "Highlighted as quote" in response.text


@pytest.mark.django_db
def test_the_same_highlight_twice_is_kept_once_and_says_so(reader_client, article):
    url = f"/articles/{article.pk}/annotations/"
    first = reader_client.post(url, create_payload(article), headers=HTMX)
    again = reader_client.post(url, create_payload(article), headers=HTMX)

    annotation = Annotation.objects.get()
    assert f'data-focus-id="{annotation.pk}"' in first.text
    assert f'data-focus-id="{annotation.pk}"' in again.text
    assert "Already highlighted as quote" in again.text
    assert again.text.count("<mark data-annotation-id=") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("second", "count"),
    [
        ({"tag": "claim"}, 2),  # the same words, also tagged a claim
        ({"note": "a different thought"}, 2),
        ({"note": "same note"}, 1),
        ({"note": ""}, 1),  # no note: the highlight already there is the one meant
    ],
)
def test_only_an_identical_highlight_counts_as_a_repeat(reader_client, article, second, count):
    url = f"/articles/{article.pk}/annotations/"
    reader_client.post(url, create_payload(article, note="same note"), headers=HTMX)
    reader_client.post(url, create_payload(article, **second), headers=HTMX)
    assert Annotation.objects.count() == count


@pytest.mark.django_db
def test_another_users_identical_highlight_is_not_a_repeat(reader_client, other_user, article):
    url = f"/articles/{article.pk}/annotations/"
    reader_client.post(url, create_payload(article), headers=HTMX)
    other_client = Client()
    other_client.force_login(other_user)
    other_client.post(url, create_payload(article), headers=HTMX)
    assert sorted(Annotation.objects.values_list("user__username", flat=True)) == [
        "other",
        "reader",
    ]


@pytest.mark.django_db
def test_create_without_htmx_redirects_to_the_article(reader_client, article):
    response = reader_client.post(f"/articles/{article.pk}/annotations/", create_payload(article))
    assert response.status_code == 302
    assert response.url == f"/articles/{article.pk}/"
    assert Annotation.objects.count() == 1


@pytest.mark.django_db
def test_reading_view_shows_highlights_after_reload(reader_client, article, make_annotation):
    annotation = make_annotation(PHRASE, tag="quote")
    response = reader_client.get(f"/articles/{article.pk}/")
    assert (
        f'<mark data-annotation-id="{annotation.pk}" data-tag="quote" class="hl hl-quote">'
        f"{PHRASE}</mark>" in response.text
    )
    body = response.text.split('id="article-body"')[1].split("</article>")[0]
    assert "Trolling, taunting" not in body
    assert "[✘]" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [
        {"tag": "claim", "start": 5, "end": 5},
        {"tag": "rumour", "start": 0, "end": 10},
        {"tag": "claim", "start": "x", "end": 10},
        {"tag": "claim", "start": 10},
    ],
)
def test_invalid_selection_saves_nothing(reader_client, article, payload):
    response = reader_client.post(f"/articles/{article.pk}/annotations/", payload, headers=HTMX)
    assert response.status_code == 200
    assert "Not saved" in response.text
    assert Annotation.objects.count() == 0


@pytest.mark.django_db
def test_whitespace_only_selection_saves_nothing(reader_client, article):
    gap = article.canonical_text.index("\n\n")
    payload = {"tag": "claim", "start": gap, "end": gap + 2}
    response = reader_client.post(f"/articles/{article.pk}/annotations/", payload, headers=HTMX)
    assert "Not saved" in response.text
    assert Annotation.objects.count() == 0


@pytest.mark.django_db
def test_update_retags_and_sets_note(reader_client, make_annotation):
    annotation = make_annotation()
    response = reader_client.post(
        f"/annotations/{annotation.pk}/update/",
        {"tag": "opinion", "note": "see https://example.org <b>bold</b>"},
        headers=HTMX,
    )
    assert response.status_code == 200
    annotation.refresh_from_db()
    assert (annotation.tag, annotation.note) == ("opinion", "see https://example.org <b>bold</b>")
    assert "&lt;b&gt;bold&lt;/b&gt;" in response.text
    assert '<a href="https://example.org" rel="nofollow" target="_blank">' in response.text


@pytest.mark.django_db
def test_javascript_urls_in_notes_are_not_linked(reader_client, make_annotation, article):
    make_annotation(note="javascript:alert(1) and <script>alert(2)</script>")
    response = reader_client.get(f"/articles/{article.pk}/")
    assert 'href="javascript' not in response.text
    assert "<script>alert(2)" not in response.text


@pytest.mark.django_db
def test_delete_offers_undo_with_the_same_values(reader_client, make_annotation):
    annotation = make_annotation(tag="quote", note="keep me")
    response = reader_client.post(f"/annotations/{annotation.pk}/delete/", headers=HTMX)
    assert response.status_code == 200
    assert not Annotation.objects.exists()
    assert 'id="undo-delete"' in response.text
    assert 'value="keep me"' in response.text


@pytest.mark.django_db
def test_editor_fragment(reader_client, make_annotation):
    annotation = make_annotation()
    response = reader_client.get(f"/annotations/{annotation.pk}/", headers=HTMX)
    assertTemplateUsed(response, "annotations/_editor.html")
    assert "More North Korean troops" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/annotations/{pk}/"),
        ("post", "/annotations/{pk}/update/"),
        ("post", "/annotations/{pk}/delete/"),
    ],
)
def test_another_users_highlight_is_a_404(client, other_user, make_annotation, method, path):
    annotation = make_annotation()
    client.force_login(other_user)
    response = getattr(client, method)(
        path.format(pk=annotation.pk), {"tag": "claim", "note": "x"}, headers=HTMX
    )
    assert response.status_code == 404
    annotation.refresh_from_db()
    assert (annotation.tag, annotation.note) == ("claim", "")


@pytest.mark.django_db
def test_reading_view_shows_only_my_highlights(client, other_user, make_annotation, article):
    make_annotation(tag="claim")
    client.force_login(other_user)
    response = client.get(f"/articles/{article.pk}/")
    assert "data-annotation-id" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/"),
        ("get", "/articles/{article}/"),
        ("post", "/articles/{article}/annotations/"),
        ("get", "/annotations/{pk}/"),
        ("post", "/annotations/{pk}/update/"),
        ("post", "/annotations/{pk}/delete/"),
        ("post", "/annotations/{pk}/review/"),
    ],
)
def test_every_page_requires_login(client, make_annotation, article, method, path):
    annotation = make_annotation()
    url = path.format(article=article.pk, pk=annotation.pk)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/articles/{article}/annotations/",
        "/annotations/{pk}/update/",
        "/annotations/{pk}/delete/",
        "/annotations/{pk}/review/",
    ],
)
def test_posts_without_csrf_token_are_refused(reader, make_annotation, article, path):
    annotation = make_annotation()
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = client.post(path.format(article=article.pk, pk=annotation.pk), {"tag": "claim"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_get_is_refused_on_actions(reader_client, make_annotation):
    annotation = make_annotation()
    assert reader_client.get(f"/annotations/{annotation.pk}/delete/").status_code == 405


@pytest.mark.django_db
def test_reading_view_query_count_does_not_grow_with_highlights(
    reader_client, article, reader, django_assert_max_num_queries
):
    text = article.canonical_text
    words = [i for i in range(1, len(text)) if text[i - 1] == " "][:500]
    Annotation.objects.bulk_create(
        Annotation(
            user=reader, article=article, tag="claim", start=s, end=s + 3, exact=text[s : s + 3]
        )
        for s in words
    )
    with django_assert_max_num_queries(10) as few:
        reader_client.get(f"/articles/{article.pk}/")
    Annotation.objects.filter(pk__in=Annotation.objects.values("pk")[:250]).delete()
    with django_assert_max_num_queries(10) as fewer:
        reader_client.get(f"/articles/{article.pk}/")
    assert len(few.captured_queries) == len(fewer.captured_queries)
