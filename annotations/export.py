"""Annotations out: CSV, JSONL, W3C Web Annotation JSON-LD and Markdown, streamed row by row.

Each format in FORMATS reads its rows (`ExportFormat.rows`) and turns them into text chunks as
it reads (`ExportFormat.chunks`), so memory stays flat for any count. CSV records are written
by PostgreSQL's COPY; the other formats are built from `ExportRow` tuples.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
carriage return) get a leading apostrophe, as OWASP recommends; the apostrophe is visible in
the cell and the text after it is unchanged. JSONL, W3C and Markdown keep text exactly.
"""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby, islice
from typing import NamedTuple
from urllib.parse import quote

from django.db import connection, transaction
from django.db.models import F, Func, QuerySet, TextField

CSV_COLUMNS = [
    "annotation_id",
    "article_id",
    "article_title",
    "article_url",
    "article_identity",
    "article_outlet",
    "user",
    "tag",
    "quote",
    "note",
    "start",
    "end",
    "prefix",
    "suffix",
    "created_at",
    "updated_at",
    "status",
    "original_quote",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 5000


class IsoTimestamp(Func):
    """ISO 8601 in UTC, formatted by PostgreSQL: no datetime objects per row in Python."""

    template = (
        "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
    )
    output_field = TextField()

    def __init__(self, field: str):
        super().__init__(F(field), output_field=TextField())


class Neutralised(Func):
    """A text cell with a leading apostrophe when it starts like a formula (FORMULA_STARTS)."""

    template = (
        "CASE WHEN left(%(expressions)s, 1) IN ("
        + ", ".join(f"chr({ord(c)})" for c in FORMULA_STARTS)
        + ") THEN '''' || %(expressions)s ELSE %(expressions)s END"
    )
    output_field = TextField()

    def __init__(self, field: str):
        super().__init__(F(field), output_field=TextField())


W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


class ExportRow(NamedTuple):
    annotation_id: int
    article_id: int
    article_title: str
    article_url: str
    article_identity: str
    article_outlet: str
    user: str
    tag: str
    quote: str
    note: str
    start: int
    end: int
    prefix: str
    suffix: str
    created_at: str
    updated_at: str
    status: str
    original_quote: str


def export_values(annotations: QuerySet, *, neutralised: bool = False) -> QuerySet:
    """The export's columns, in order, as a values_list query (also used to compare with COPY).
    `neutralised`: text cells a spreadsheet would run as a formula come defused by PostgreSQL."""
    cell = Neutralised if neutralised else F
    return annotations.values_list(
        "pk",
        "article_id",
        cell("article__title"),
        cell("article__url"),
        cell("article__identity"),
        cell("article__outlet"),
        cell("user__username"),
        "tag",
        cell("exact"),
        cell("note"),
        "start",
        "end",
        cell("prefix"),
        cell("suffix"),
        IsoTimestamp("created_at"),
        IsoTimestamp("updated_at"),
        "status",
        cell("original_exact"),
    )


def export_rows(annotations: QuerySet) -> Iterator[ExportRow]:
    """Rows straight from a server-side cursor, a chunk at a time, with no model instances.

    The cursor lives in a transaction: outside one, PostgreSQL would materialise the whole
    result (WITH HOLD) before the first row."""
    with transaction.atomic(), connection.cursor() as cursor:
        # An export reads every row: plan for the whole result, not the first tenth.
        cursor.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        for row in export_values(annotations).iterator(chunk_size=CHUNK_ROWS):
            yield ExportRow._make(row)


def csv_records(annotations: QuerySet) -> Iterator[str]:
    """One CSV record per annotation, written by PostgreSQL itself (COPY ... TO STDOUT): the
    query neutralises the cells and formats the timestamps, PostgreSQL quotes, Python only
    passes the records on. As fast as COPY, memory flat."""
    query = export_values(annotations, neutralised=True).query
    sql, params = query.sql_with_params()
    statement = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)"
    with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
        for record in copy:  # one row per message, so a character is never split
            yield bytes(record).decode("utf-8")


def neutralise(cell: str) -> str:
    """Defuse a cell a spreadsheet would evaluate as a formula (Neutralised is this rule in
    SQL, which the CSV export uses)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_lines(records: Iterable[str], *, excel: bool = False) -> Iterator[str]:
    """The CSV as text chunks: BOM (for Excel), header, then the records from csv_records()
    in batches."""
    if excel:
        yield "\ufeff"
    yield ",".join(CSV_COLUMNS) + "\n"
    records = iter(records)
    while batch := "".join(islice(records, 500)):
        yield batch


def jsonl_lines(rows: Iterable[ExportRow]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row._asdict(), ensure_ascii=False) + "\n"


def w3c_annotation(row: ExportRow) -> dict:
    body = [{"type": "TextualBody", "purpose": "tagging", "value": row.tag}]
    if row.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": row.note,
                "format": "text/plain",
            }
        )
    return {
        "id": f"urn:newsreader:annotation:{row.annotation_id}",
        "type": "Annotation",
        "motivation": "highlighting",
        "created": row.created_at,
        "modified": row.updated_at,
        "creator": {"type": "Person", "nickname": row.user},
        "body": body,
        "target": {
            "source": article_source(row.article_url, row.article_identity),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": row.quote,
                    "prefix": row.prefix,
                    "suffix": row.suffix,
                },
                {"type": "TextPositionSelector", "start": row.start, "end": row.end},
            ],
        },
        "newsreader:status": row.status,
        "newsreader:articleTitle": row.article_title,
    }


def article_source(url: str, identity: str) -> str:
    return url or f"urn:newsreader:article:{quote(identity, safe='')}"


def w3c_chunks(rows: Iterable[ExportRow], *, label: str) -> Iterator[str]:
    """One AnnotationCollection whose first page holds every annotation, streamed."""
    head = {"@context": W3C_CONTEXT, "type": "AnnotationCollection", "label": label}
    yield json.dumps(head, ensure_ascii=False)[:-1]
    yield ', "first": {"type": "AnnotationPage", "startIndex": 0, "items": ['
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(w3c_annotation(row), ensure_ascii=False)
    yield "\n]}}\n"


def markdown_chunks(rows: Iterable[ExportRow]) -> Iterator[str]:
    """Per article: its quotes grouped by tag, with notes (rows must come ordered by article)."""
    for _, article_rows in groupby(rows, key=lambda row: row.article_id):
        yield _markdown_article(list(article_rows))


def _markdown_article(rows: list[ExportRow]) -> str:
    first = rows[0]
    lines = [f"# {_md_inline(first.article_title)}", ""]
    source = " · ".join(x for x in (first.article_outlet, first.article_url) if x)
    if source:
        lines += [_md_inline(source), ""]
    for tag in ("claim", "quote", "opinion"):
        for n, row in enumerate(r for r in rows if r.tag == tag):
            if n == 0:
                lines += [f"## {tag.capitalize()}s", ""]
            lines += ["> " + row.quote.replace("\n", "\n> "), ""]
            if row.note:
                lines += [f"Note: {row.note}", ""]
    return "\n".join(lines) + "\n"


def _md_inline(text: str) -> str:
    return text.replace("\n", " ")


@dataclass(frozen=True)
class ExportFormat:
    label: str
    extension: str
    content_type: str
    chunks: Callable[[Iterable, str], Iterator[str]]
    csv: bool = False  # chunks() takes csv_records(), not export_rows()

    def rows(self, annotations: QuerySet) -> Iterator:
        return csv_records(annotations) if self.csv else export_rows(annotations)


FORMATS = {
    "csv": ExportFormat(
        "CSV", "csv", "text/csv; charset=utf-8", lambda rows, _: csv_lines(rows), csv=True
    ),
    "csv-excel": ExportFormat(
        "CSV for Excel",
        "csv",
        "text/csv; charset=utf-8",
        lambda rows, _: csv_lines(rows, excel=True),
        csv=True,
    ),
    "jsonl": ExportFormat(
        "JSONL", "jsonl", "application/x-ndjson", lambda rows, _: jsonl_lines(rows)
    ),
    "w3c": ExportFormat(
        "W3C JSON-LD",
        "jsonld",
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        lambda rows, label: w3c_chunks(rows, label=label),
    ),
    "markdown": ExportFormat(
        "Markdown", "md", "text/markdown; charset=utf-8", lambda rows, _: markdown_chunks(rows)
    ),
}
