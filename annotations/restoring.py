"""Read annotations back from a JSONL or W3C export (a restore, or a move between servers).

Articles are matched by identity (canonical URL or file name), users by username. A quote
that no longer sits at its stored position is placed the way a re-import places it
(anchoring.place): found again, fuzzy-attached, marked for review or kept as orphaned. A row
that already exists is skipped, so a second run adds nothing.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TextIO
from urllib.parse import unquote

from django.contrib.auth import get_user_model
from django.db import transaction

from articles.models import Article

from .anchoring import Outcome, apply_placement, place_anchor
from .models import Annotation


class RestoreError(ValueError):
    pass


@dataclass(frozen=True)
class Restored:
    user: str
    article: str  # identity or URL
    tag: str
    note: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    created_at: str
    updated_at: str
    original_quote: str = ""


def read_export(stream: TextIO) -> Iterator[Restored]:
    """Rows from JSONL (one object a line) or a W3C AnnotationCollection."""
    head = stream.read(1)
    while head and head.isspace():
        head = stream.read(1)
    if not head:
        return
    first_line = head + stream.readline()
    try:
        obj = json.loads(first_line)
    except json.JSONDecodeError:
        obj = None
    if isinstance(obj, dict) and "annotation_id" in obj:
        yield _from_jsonl(obj)
        for number, line in enumerate(stream, 2):
            if line.strip():
                yield _from_jsonl(_json(line, number))
        return
    document = _json(first_line + stream.read(), 1)
    if document.get("type") != "AnnotationCollection":
        raise RestoreError("not a Newsreader JSONL or W3C AnnotationCollection export")
    for item in document.get("first", {}).get("items", []):
        yield _from_w3c(item)


def restore(rows: Iterator[Restored], *, default_user=None) -> dict[str, int]:
    counts = dict.fromkeys(["created", "needs_review", "orphaned", "skipped", "failed"], 0)
    users, articles = {}, {}
    for row in rows:
        user = _cached(users, row.user, lambda u: _find_user(u) or default_user)
        article = _cached(articles, row.article, _find_article)
        if user is None or article is None:
            counts["failed"] += 1
            continue
        outcome = _restore_one(row, user, article)
        counts[outcome] += 1
    return counts


@transaction.atomic
def _restore_one(row: Restored, user, article: Article) -> str:
    text = article.canonical_text
    annotation = Annotation(
        user=user,
        article=article,
        tag=row.tag,
        note=row.note,
        start=row.start,
        end=max(row.end, row.start + 1),
        exact=row.quote,
        original_exact=row.original_quote or row.quote,
        prefix=row.prefix,
        suffix=row.suffix,
    )
    placement = place_anchor(text, annotation)
    apply_placement(annotation, placement, text)
    duplicate = Annotation.objects.filter(
        user=user,
        article=article,
        tag=row.tag,
        exact=annotation.exact,
        start=annotation.start,
        end=annotation.end,
    )
    if duplicate.exists():
        return "skipped"
    annotation.save()
    Annotation.objects.filter(pk=annotation.pk).update(
        created_at=datetime.fromisoformat(row.created_at),
        updated_at=datetime.fromisoformat(row.updated_at),
    )
    return {Outcome.NEEDS_REVIEW: "needs_review", Outcome.ORPHANED: "orphaned"}.get(
        placement.outcome, "created"
    )


def _from_jsonl(obj: dict) -> Restored:
    try:
        return Restored(
            user=obj["user"],
            article=obj.get("article_identity") or obj["article_url"],
            tag=obj["tag"],
            note=obj.get("note", ""),
            quote=obj["quote"],
            prefix=obj.get("prefix", ""),
            suffix=obj.get("suffix", ""),
            start=int(obj["start"]),
            end=int(obj["end"]),
            created_at=obj["created_at"],
            updated_at=obj.get("updated_at", obj["created_at"]),
            original_quote=obj.get("original_quote", ""),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RestoreError(f"annotation {obj.get('annotation_id')}: missing or bad {exc}") from exc


def _from_w3c(item: dict) -> Restored:
    selectors = {s.get("type"): s for s in item.get("target", {}).get("selector", [])}
    quote_sel = selectors.get("TextQuoteSelector", {})
    position = selectors.get("TextPositionSelector", {})
    bodies = {b.get("purpose"): b.get("value", "") for b in item.get("body", [])}
    source = item.get("target", {}).get("source", "")
    try:
        return Restored(
            user=item.get("creator", {}).get("nickname", ""),
            article=unquote(source.removeprefix("urn:newsreader:article:")),
            tag=bodies["tagging"],
            note=bodies.get("commenting", ""),
            quote=quote_sel["exact"],
            prefix=quote_sel.get("prefix", ""),
            suffix=quote_sel.get("suffix", ""),
            start=int(position.get("start", 0)),
            end=int(position.get("end", 0)),
            created_at=item["created"],
            updated_at=item.get("modified", item["created"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RestoreError(f"{item.get('id')}: missing or bad {exc}") from exc


def _json(text: str, number: int) -> dict:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RestoreError(f"line {number}: not JSON ({exc.msg})") from exc
    if not isinstance(value, dict):
        raise RestoreError(f"line {number}: expected a JSON object")
    return value


def _find_user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _find_article(key: str) -> Article | None:
    return Article.objects.filter(identity=key).first() or Article.objects.filter(url=key).first()


def _cached(cache: dict, key, load):
    if key not in cache:
        cache[key] = load(key)
    return cache[key]
