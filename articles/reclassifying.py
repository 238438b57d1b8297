"""Move misclassified text between an article's body, its stripped segments and its comments.

A change is planned as list rows removed and added (by position) plus line destinations
before and after. It is applied to the rows in one transaction with the article locked,
recorded as a `Reclassification`, and every user's highlights are re-anchored the way a
re-import re-anchors them. Undo applies the recorded change backwards through the same path,
so the previous rows, canonical text and line destinations come back exactly.

Text moves to its place in source line order. HTML imports have no source lines: a segment goes
back where its text first appears in the page's visible text (refused when it cannot be found),
or where it left the body if it was moved out here; a comment goes to the end of the body,
since a page's comments follow its article.
"""

from dataclasses import dataclass
from operator import itemgetter

from django.db import transaction
from django.utils import timezone
from lxml import html as lxml_html

from annotations.anchoring import reanchor_article

from .ingest.lines import is_list_item, split_lines
from .ingest.markers import normalize
from .ingest.types import BLOCK_SEPARATOR, Dest
from .models import Article, Block, Comment, CommentThread, Reclassification, StrippedSegment

FIELDS = {
    "blocks": ("kind", "text", "source_line"),
    "stripped": ("kind", "text", "source_line"),
    "comments": ("text", "author", "meta", "removed", "partially_removed", "source_lines"),
}
_STALE = "The article changed since this page was loaded; reload it and try again."


class ReclassifyError(Exception):
    """A change that cannot be made; the message tells the user why."""


@dataclass(frozen=True)
class Done:
    record: Reclassification
    reanchored: dict[str, int]


@dataclass
class _State:
    article: Article
    thread: CommentThread | None
    rows: dict[str, list[dict]]
    dests: list[str]


@transaction.atomic
def strip_block(article: Article, block_id: int, kind: str, *, user) -> Done:
    """Move one body block into the stripped segments as `kind`."""
    if kind not in StrippedSegment.Kind.values:
        raise ReclassifyError("Choose ad, related link, site chrome, credit or other.")
    state = _lock(article)
    index = _index(state.rows["blocks"], block_id, "That block is no longer in the body.")
    change = _plan_strip(state, index, kind)
    block = state.rows["blocks"][index]
    return _record(state, change, user, Reclassification.Action.BLOCK_TO_STRIPPED, kind, block)


@transaction.atomic
def restore_segment(article: Article, segment_id: int, *, user) -> Done:
    """Put one stripped segment back into the body at its original place."""
    state = _lock(article)
    index = _index(state.rows["stripped"], segment_id, "That segment is no longer stripped.")
    segment = state.rows["stripped"][index]
    kind, position = _former_block(state.article, segment) or (_block_kind(segment), None)
    if segment["source_line"] is not None:
        position = None  # source line order places it
    elif position is None and (position := _page_position(state, segment["text"])) is None:
        raise ReclassifyError(
            "This HTML page has no source lines and the text was not found in the page, "
            "so its place in the body is unknown."
        )
    change = _plan_restore_segment(state, index, kind, position)
    action = Reclassification.Action.STRIPPED_TO_BODY
    return _record(state, change, user, action, segment["kind"], segment)


@transaction.atomic
def restore_comment(article: Article, comment_id: int, *, user) -> Done:
    """Put a comment that is really article text into the body; its header lines become
    stripped site chrome, as the parser files header lines that have no comment."""
    state = _lock(article)
    index = _index(state.rows["comments"], comment_id, "That comment is no longer a comment.")
    change = _plan_restore_comment(state, index)
    comment = state.rows["comments"][index]
    return _record(state, change, user, Reclassification.Action.COMMENT_TO_BODY, "", comment)


@transaction.atomic
def undo_reclassification(article: Article, reclassification_id: int, *, user) -> Done:
    """Reverse the most recent still-applied change of an article."""
    state = _lock(article)
    record = state.article.reclassifications.filter(pk=reclassification_id).first()
    if record is None or not record.is_applied:
        raise ReclassifyError("That change is already undone or no longer applies.")
    if state.article.reclassifications.applied().first() != record:
        raise ReclassifyError("Undo the later changes first: only the latest one can be undone.")
    if record.source_sha256 != state.article.sha256:
        raise ReclassifyError("The article was re-imported since that change.")
    reanchored = _commit(state, _inverse(record.change))
    record.undone_at, record.undone_by = timezone.now(), user
    record.save(update_fields=["undone_at", "undone_by"])
    return Done(record, reanchored)


def reapply_reclassifications(article: Article) -> None:
    """After a changed file is re-imported (inside its transaction, before re-anchoring): redo
    each still-applied change, oldest first, where the new parse still has its text in the
    same place; mark the others superseded."""
    records = list(article.reclassifications.applied().order_by("created_at", "pk"))
    if not records:
        return
    state = _load(article)
    parts = set()
    for record in records:
        change = _replan(state, record)
        if change is None:
            record.superseded_at = timezone.now()
            continue
        parts |= _apply(state, change)
        record.change, record.source_sha256 = change, article.sha256
    if parts:
        _save(state, parts)
    Reclassification.objects.bulk_update(records, ["change", "source_sha256", "superseded_at"])


# Planning: each returns a change, {part: {"removed": [[pos, row]], "added": [[pos, row]]},
# "lines": [[number, before, after]]}, without touching the database.


def _plan_strip(state: _State, index: int, kind: str) -> dict:
    block = _fields("blocks", state.rows["blocks"][index])
    segment = {"kind": kind, "text": block["text"], "source_line": block["source_line"]}
    return {
        "blocks": {"removed": [[index, block]], "added": []},
        "stripped": {"removed": [], "added": _insert_by_line(state.rows["stripped"], [segment])},
        "lines": _moves(state, [block["source_line"]], kind),
    }


def _plan_restore_segment(state: _State, index: int, kind: str, position: int | None) -> dict:
    segment = _fields("stripped", state.rows["stripped"][index])
    block = {"kind": kind, "text": segment["text"], "source_line": segment["source_line"]}
    if position is None:
        added = _insert_by_line(state.rows["blocks"], [block])
    else:
        added = [[min(position, len(state.rows["blocks"])), block]]
    return {
        "stripped": {"removed": [[index, segment]], "added": []},
        "blocks": {"removed": [], "added": added},
        "lines": _moves(state, [segment["source_line"]], Dest.BODY),
    }


def _plan_restore_comment(state: _State, index: int) -> dict:
    comment = _fields("comments", state.rows["comments"][index])
    removed = {"comments": {"removed": [[index, comment]], "added": []}}
    if not comment["source_lines"]:
        end = len(state.rows["blocks"])
        texts = [t for t in comment["text"].split("\n") if t.strip()]
        added = [[end + i, _new_block(text, None)] for i, text in enumerate(texts)]
        return removed | {"blocks": {"removed": [], "added": added}}
    raw = split_lines(state.article.raw_source)
    meta = [n for n in comment["source_lines"] if state.dests[n] == Dest.COMMENT_META]
    text = [n for n in comment["source_lines"] if n not in meta]
    blocks = [_new_block(raw[n][0].strip(), n) for n in text]
    chrome = [{"kind": str(Dest.CHROME), "text": raw[n][0].strip(), "source_line": n} for n in meta]
    return removed | {
        "blocks": {"removed": [], "added": _insert_by_line(state.rows["blocks"], blocks)},
        "stripped": {"removed": [], "added": _insert_by_line(state.rows["stripped"], chrome)},
        "lines": _moves(state, text, Dest.BODY) + _moves(state, meta, Dest.CHROME),
    }


def _replan(state: _State, record: Reclassification) -> dict | None:
    Action = Reclassification.Action
    if record.action == Action.BLOCK_TO_STRIPPED:
        index = _find_again(state.rows["blocks"], record.change["blocks"]["removed"][0][1])
        return None if index is None else _plan_strip(state, index, record.kind)
    if record.action == Action.STRIPPED_TO_BODY:
        segment = record.change["stripped"]["removed"][0][1]
        index = _find_again(state.rows["stripped"], segment)
        if index is None:
            return None
        position = None
        if segment["source_line"] is None:
            position = _page_position(state, segment["text"])
            if position is None:
                return None
        kind = record.change["blocks"]["added"][0][1]["kind"]
        return _plan_restore_segment(state, index, kind, position)
    index = _find_again(state.rows["comments"], record.change["comments"]["removed"][0][1])
    return None if index is None else _plan_restore_comment(state, index)


def _find_again(rows: list[dict], old: dict) -> int | None:
    """The row with the same text nearest the old line (or the first, without lines)."""
    matches = [i for i, row in enumerate(rows) if row["text"] == old["text"]]
    line = _line_of(old)
    return min(matches, key=lambda i: abs(_line_of(rows[i]) - line), default=None)


def _line_of(row: dict) -> int:
    return row.get("source_line") or min(row.get("source_lines") or [0])


def _insert_by_line(rows: list[dict], new: list[dict]) -> list[list]:
    """Positions that keep `rows` in source line order; rows without a line go last."""
    if any(row["source_line"] is None for row in new):
        return [[len(rows) + i, row] for i, row in enumerate(new)]
    new = sorted(new, key=itemgetter("source_line"))
    before = [r["source_line"] for r in rows if r["source_line"] is not None]
    return [
        [sum(1 for n in before if n < row["source_line"]) + i, row] for i, row in enumerate(new)
    ]


def _moves(state: _State, numbers: list, dest: str) -> list[list]:
    return [[n, state.dests[n], str(dest)] for n in numbers if n is not None and state.dests]


def _new_block(text: str, line: int | None) -> dict:
    kind = Block.Kind.LIST_ITEM if is_list_item(text) else Block.Kind.PARAGRAPH
    return {"kind": str(kind), "text": text, "source_line": line}


def _block_kind(segment: dict) -> str:
    if segment["kind"] == StrippedSegment.Kind.CREDIT:
        return str(Block.Kind.CAPTION)
    return _new_block(segment["text"], None)["kind"]


def _former_block(article: Article, segment: dict) -> tuple[str, int] | None:
    """Kind and position of the body block this segment was when it was moved out here."""
    moves = article.reclassifications.applied().filter(
        action=Reclassification.Action.BLOCK_TO_STRIPPED, text=segment["text"]
    )
    for record in moves:
        position, block = record.change["blocks"]["removed"][0]
        if block["source_line"] == segment["source_line"]:
            return block["kind"], position
    return None


def _page_position(state: _State, text: str) -> int | None:
    """Where text sits among the body blocks, by where it first appears in the page."""
    page = lxml_html.fromstring(state.article.raw_source.encode("utf-8"))
    for element in page.xpath("//head | //script | //style | //noscript | //template"):
        element.drop_tree()
    visible = normalize(page.text_content())
    at = visible.find(normalize(text))
    if at == -1:
        return None
    cursor = 0
    for position, block in enumerate(state.rows["blocks"]):
        found = visible.find(block["text"], cursor)
        if found > at:
            return position
        if found != -1:
            cursor = found + len(block["text"])
    return len(state.rows["blocks"])


def _inverse(change: dict) -> dict:
    inverse = {
        part: {"removed": ops["added"], "added": ops["removed"]}
        for part, ops in change.items()
        if part in FIELDS
    }
    inverse["lines"] = [[n, after, before] for n, before, after in change.get("lines", [])]
    return inverse


# Applying: in memory first (verified against the current rows), then written.


def _lock(article: Article) -> _State:
    return _load(Article.objects.select_for_update().get(pk=article.pk))


def _load(article: Article) -> _State:
    thread = CommentThread.objects.filter(article=article).first()
    rows = {
        "blocks": list(article.blocks.values("pk", *FIELDS["blocks"])),
        "stripped": list(article.stripped.values("pk", *FIELDS["stripped"])),
        "comments": list(thread.comments.values("pk", *FIELDS["comments"])) if thread else [],
    }
    return _State(article, thread, rows, list(article.line_destinations))


def _index(rows: list[dict], pk: int, missing: str) -> int:
    index = next((i for i, row in enumerate(rows) if row["pk"] == pk), None)
    if index is None:
        raise ReclassifyError(f"{missing} Reload the page to see the current state.")
    return index


def _fields(part: str, row: dict) -> dict:
    return {name: row[name] for name in FIELDS[part]}


def _record(state: _State, change: dict, user, action: str, kind: str, row: dict) -> Done:
    reanchored = _commit(state, change)
    record = Reclassification.objects.create(
        article=state.article,
        user=user,
        action=action,
        kind=kind,
        text=row["text"],
        change=change,
        source_sha256=state.article.sha256,
        reanchored=reanchored,
    )
    return Done(record, reanchored)


def _commit(state: _State, change: dict) -> dict[str, int]:
    parts = _apply(state, change)
    _save(state, parts)
    return {str(outcome): count for outcome, count in reanchor_article(state.article).items()}


def _apply(state: _State, change: dict) -> set[str]:
    """Apply a change to the in-memory rows; refuse if they are not what it expects."""
    for part, ops in change.items():
        if part not in FIELDS:
            continue
        rows = state.rows[part]
        for position, old in sorted(ops["removed"], key=itemgetter(0), reverse=True):
            if position >= len(rows) or _fields(part, rows[position]) != old:
                raise ReclassifyError(_STALE)
            del rows[position]
        for position, new in sorted(ops["added"], key=itemgetter(0)):
            if position > len(rows):
                raise ReclassifyError(_STALE)
            rows.insert(position, dict(new))
    for number, before, after in change.get("lines", []):
        if number >= len(state.dests) or state.dests[number] != before:
            raise ReclassifyError(_STALE)
        state.dests[number] = after
    return {part for part in change if part in FIELDS}


def _save(state: _State, parts: set[str]) -> None:
    article, rows = state.article, state.rows
    if "blocks" in parts:
        article.blocks.all().delete()
        layout = [(row["kind"], row["text"], row["source_line"]) for row in rows["blocks"]]
        Block.objects.bulk_create(Block.laid_out(article, layout))
        article.canonical_text = BLOCK_SEPARATOR.join(text for _, text, _ in layout)
    if "stripped" in parts:
        article.stripped.all().delete()
        StrippedSegment.objects.bulk_create(
            StrippedSegment(article=article, position=i, **_fields("stripped", row))
            for i, row in enumerate(rows["stripped"])
        )
    if "comments" in parts and state.thread:
        state.thread.comments.all().delete()
        Comment.objects.bulk_create(
            Comment(thread=state.thread, position=i, **_fields("comments", row))
            for i, row in enumerate(rows["comments"])
        )
    article.line_destinations = state.dests
    article.save(update_fields=["canonical_text", "line_destinations", "updated_at"])
