import pytest
from pytest_django.asserts import assertTemplateUsed

from annotations.creating import create_annotation


@pytest.fixture
def articles(make_article):
    return [
        make_article(
            "Dockworkers Extend the Strike Again\n\n"
            "Union members voted to extend the strike at the port for two more days.\n",
            "a.txt",
        ),
        make_article(
            "Zebra Crossing Plans Approved Today\n\n"
            "The council approved new zebra crossings near three schools on Tuesday.\n",
            "b.txt",
        ),
        make_article(
            "Bakery Closes After Many Years\n\n"
            "The bakery <script>alert(1)</script> closes after rent rose sharply this year.\n",
            "c.txt",
        ),
    ]


@pytest.mark.django_db
def test_list_shows_articles_with_meta(reader_client, articles):
    response = reader_client.get("/")
    assertTemplateUsed(response, "articles/article_list.html")
    assert "Dockworkers Extend the Strike Again" in response.text
    assert "min read" in response.text


@pytest.mark.django_db
def test_search_ranks_and_highlights_terms(reader_client, articles):
    response = reader_client.get("/", {"q": "strike"})
    assert "Dockworkers Extend the Strike Again" in response.text
    assert "Zebra Crossing" not in response.text
    assert "<mark>strike</mark>" in response.text


@pytest.mark.django_db
def test_search_snippets_are_escaped(reader_client, articles):
    response = reader_client.get("/", {"q": "bakery rent"})
    assert "Bakery Closes" in response.text
    assert "<script>alert(1)" not in response.text


@pytest.mark.django_db
def test_htmx_search_returns_only_rows(reader_client, articles):
    response = reader_client.get("/", {"q": "zebra"}, headers={"HX-Request": "true"})
    assertTemplateUsed(response, "articles/_article_rows.html")
    assert "<html" not in response.text
    assert "Zebra Crossing Plans Approved Today" in response.text
    assert response["Vary"].count("HX-Request") == 1


@pytest.mark.django_db
def test_sort_by_title_and_by_highlights(reader_client, reader, articles):
    titles = reader_client.get("/", {"sort": "title"}).text
    assert titles.index("Bakery") < titles.index("Dockworkers") < titles.index("Zebra")
    zebra = articles[1]
    create_annotation(user=reader, article=zebra, tag="claim", start=4, end=10)
    create_annotation(user=reader, article=zebra, tag="opinion", start=12, end=20)
    page = reader_client.get("/", {"sort": "highlights"}).text
    assert page.index("Zebra") < page.index("Bakery")
    assert "1 claim" in page and "1 opinion" in page and "0 quotes" in page


@pytest.mark.django_db
def test_counts_are_per_user(client, other_user, articles, reader):
    create_annotation(user=reader, article=articles[0], tag="claim", start=0, end=5)
    client.force_login(other_user)
    assert "1 claim" not in client.get("/").text


@pytest.mark.django_db
def test_pagination(reader_client, make_article):
    for i in range(25):
        make_article(
            f"Numbered Headline {i:02d} Here\n\nA body sentence that is long enough to count.\n",
            f"p{i}.txt",
        )
    first = reader_client.get("/", {"sort": "title"}).text
    assert "Page 1 of 2" in first and "Numbered Headline 19" in first
    second = reader_client.get("/", {"sort": "title", "page": 2}).text
    assert "Numbered Headline 24" in second and "Numbered Headline 00" not in second


@pytest.mark.django_db
def test_list_query_count_is_constant(reader_client, articles, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        reader_client.get("/")


@pytest.mark.django_db
def test_empty_instance_explains_how_to_import(reader_client):
    response = reader_client.get("/")
    assert "No articles yet" in response.text
    assert "manage.py import_articles" in response.text


@pytest.mark.django_db
def test_search_with_no_match_says_so(reader_client, articles):
    assert "No article matches" in reader_client.get("/", {"q": "nonexistentword"}).text
