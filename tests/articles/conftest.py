from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from articles.importing import import_file
from articles.ingest.lines import split_lines
from articles.models import Article, Comment, CommentThread

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"
# The Newsweek seed (tests/conftest.py `article`): these lines hold these destinations.
PARAGRAPH_LINE, CREDIT_LINE, FIRST_COMMENT_LINE = 5, 10, 21


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("editor", password="editor-pass", is_staff=True)


@pytest.fixture
def staff_client(staff):
    client = Client()  # its own, so a test can hold it beside `reader_client`
    client.force_login(staff)
    return client


@pytest.fixture
def html_article(db):
    return import_file(PAGES / "h1_canonical-og-glassworks.html", max_bytes=5_000_000).article


def block_at_line(article: Article, number: int):
    return article.blocks.get(source_line=number)


def snapshot(article: Article) -> dict:
    """Everything a reclassification may change, without row ids."""
    article.refresh_from_db()
    comments = Comment.objects.filter(thread__article=article)
    return {
        "canonical_text": article.canonical_text,
        "line_destinations": article.line_destinations,
        "blocks": list(
            article.blocks.values_list("position", "kind", "text", "start", "source_line")
        ),
        "stripped": list(article.stripped.values_list("position", "kind", "text", "source_line")),
        "comments": list(
            comments.values_list(
                "position", "text", "author", "meta", "removed", "partially_removed", "source_lines"
            )
        ),
    }


def assert_lossless(article: Article) -> None:
    """The rows still account for every source line once, as tests/ingest/lossless.py asks of
    a parse, and the canonical text and block offsets agree with the blocks."""
    article.refresh_from_db()
    raw = split_lines(article.raw_source)
    dests = article.line_destinations
    assert "".join(text + ending for text, ending in raw) == article.raw_source
    assert len(dests) == len(raw) == len(article.source_lines())
    owners = Counter()
    blocks = list(article.blocks.all())
    for block in blocks:
        owners[block.source_line] += 1
        assert (dests[block.source_line], block.text) == ("body", raw[block.source_line][0].strip())
    for segment in article.stripped.all():
        owners[segment.source_line] += 1
        line = raw[segment.source_line][0].strip()
        assert (dests[segment.source_line], segment.text) == (segment.kind, line)
    thread = CommentThread.objects.filter(article=article).first()
    if thread:
        owners.update(thread.notice_lines)
        owners.update(thread.rules_lines)
        for comment in thread.comments.all():
            owners.update(comment.source_lines)
            assert {dests[n] for n in comment.source_lines} <= {"comment", "comment_meta"}
    owners.update(n for n, dest in enumerate(dests) if dest in {"title", "byline"})
    content = {n for n, (text, _) in enumerate(raw) if text.strip()}
    assert set(owners) == content, "every non-blank line has a home, and no blank line does"
    assert all(count == 1 for count in owners.values()), "no line is claimed twice"
    assert all(dests[n] == "blank" for n in range(len(raw)) if n not in content)
    assert article.canonical_text == "\n\n".join(block.text for block in blocks)
    assert [block.position for block in blocks] == list(range(len(blocks)))
    for block in blocks:
        assert article.canonical_text[block.start : block.end] == block.text
