"""Persist what ingest returns: one article and all its parts, in one transaction."""

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Model
from psycopg.types.json import Jsonb

from annotations.anchoring import reanchor_article
from articles.ingest import ParsedArticle
from articles.ingest.files import load_file
from articles.models import Article, Block, Comment, CommentThread, StrippedSegment
from articles.reclassifying import reapply_reclassifications


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ImportResult:
    outcome: Outcome
    article: Article


def import_file(path: Path, *, max_bytes: int) -> ImportResult:
    """Read, parse and store one file. Raises IngestError with a reason on bad input."""
    parsed, data = load_file(path, max_bytes=max_bytes)
    return import_article(parsed, raw_bytes=data)


@transaction.atomic
def import_article(parsed: ParsedArticle, *, raw_bytes: bytes) -> ImportResult:
    identity = parsed.url or parsed.name
    digest = hashlib.sha256(raw_bytes).hexdigest()
    article = Article.objects.select_for_update().filter(identity=identity).first()
    if article and article.sha256 == digest:
        return ImportResult(Outcome.UNCHANGED, article)
    outcome = Outcome.UPDATED if article else Outcome.IMPORTED
    article = article or Article(identity=identity)
    _fill_article(article, parsed, digest)
    article.save()
    if outcome is Outcome.UPDATED:
        article.blocks.all().delete()
        article.stripped.all().delete()
        CommentThread.objects.filter(article=article).delete()
    _create_parts(article, parsed)
    if outcome is Outcome.UPDATED:
        reapply_reclassifications(article)  # manual fixes whose text is still there
        reanchor_article(article)  # highlights are never deleted, only moved or orphaned
    return ImportResult(outcome, article)


def _fill_article(article: Article, parsed: ParsedArticle, digest: str) -> None:
    article.title = parsed.title or parsed.name
    article.outlet = parsed.outlet
    article.author = parsed.author
    article.byline = parsed.byline
    article.url = parsed.url
    article.source_name = parsed.name
    article.source_format = Article.Format.HTML if parsed.raw_html else Article.Format.TEXT
    article.raw_source = parsed.raw_html or parsed.rebuild_source()
    article.encoding = parsed.encoding
    article.sha256 = digest
    article.canonical_text = parsed.canonical_text
    article.line_destinations = [line.dest.value for line in parsed.lines]


def _create_parts(article: Article, parsed: ParsedArticle) -> None:
    parts = ((block.kind.value, block.text, block.line) for block in parsed.blocks)
    blocks = [
        {"article": article.pk, "position": p, "kind": k, "text": t, "start": s, "source_line": n}
        for p, k, t, s, n in Block.layout(parts)
    ]
    _copy_rows(Block, blocks)
    stripped = [
        {
            "article": article.pk,
            "position": i,
            "kind": s.kind.value,
            "text": s.text,
            "source_line": s.line,
        }
        for i, s in enumerate(parsed.stripped)
    ]
    _copy_rows(StrippedSegment, stripped)
    thread = parsed.thread
    if not (thread.comments or thread.notice or thread.rules):
        return
    saved = CommentThread.objects.create(
        article=article,
        notice=thread.notice,
        rules=thread.rules,
        notice_lines=list(thread.notice_lines),
        rules_lines=list(thread.rules_lines),
    )
    comments = [
        {
            "thread": saved.pk,
            "position": i,
            "text": c.text,
            "author": c.author,
            "meta": Jsonb(c.meta),
            "removed": c.removed,
            "partially_removed": c.partially_removed,
            "source_lines": Jsonb(c.lines),
        }
        for i, c in enumerate(thread.comments)
    ]
    _copy_rows(Comment, comments)


def _copy_rows(model: type[Model], rows: list[dict]) -> None:
    """Insert rows ({field name: value}, the same fields in each) with COPY, inside the current
    transaction. An article has dozens of small rows; bulk_create spends more time building model
    instances and SQL for them than PostgreSQL spends storing them (see BENCHMARKS.md)."""
    if not rows:
        return
    quote_name = connection.ops.quote_name
    columns = ", ".join(quote_name(model._meta.get_field(name).column) for name in rows[0])
    statement = f"COPY {quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row.values())
