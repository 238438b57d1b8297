"""What the staff source view shows: every source line beside where it went, with the rows that
a line can be moved from, the counts per destination and the history of manual changes."""

from collections import Counter
from dataclasses import dataclass

from .ingest.types import Dest
from .models import Article, Block, Comment, CommentThread, StrippedSegment


@dataclass(frozen=True)
class SourceRow:
    number: int  # 1-based, as editors show lines
    dest: str
    text: str
    block: Block | None = None
    segment: StrippedSegment | None = None
    comment: Comment | None = None  # on the comment's first text line only


def source_context(article: Article) -> dict:
    blocks = list(article.blocks.all())
    stripped = list(article.stripped.all())
    thread = CommentThread.objects.filter(article=article).first()
    comments = list(thread.comments.all()) if thread else []
    history = list(article.reclassifications.select_related("user", "undone_by"))
    latest = next((r for r in history if r.is_applied), None)
    context = {
        "article": article,
        "has_lines": bool(article.line_destinations),
        "history": history,
        "undoable": latest if latest and latest.source_sha256 == article.sha256 else None,
        "kinds": StrippedSegment.Kind.choices,
    }
    if not article.line_destinations:
        counts = Counter(s.kind for s in stripped)
        counts.update({Dest.BODY: len(blocks), Dest.COMMENT: len(comments)})
        return context | {
            "counts": _ordered(counts),
            "blocks": blocks,
            "stripped": stripped,
            "comments": comments,
        }
    return context | {
        "counts": _ordered(Counter(article.line_destinations)),
        "rows": _rows(article, blocks, stripped, comments),
    }


def _ordered(counts: Counter) -> list[tuple[str, int]]:
    return [(dest.value, counts[dest]) for dest in Dest if counts[dest]]


def _rows(article: Article, blocks, stripped, comments) -> list[SourceRow]:
    by_line = {b.source_line: {"block": b} for b in blocks}
    by_line |= {s.source_line: {"segment": s} for s in stripped}
    dests = article.line_destinations
    for comment in comments:
        first = next((n for n in comment.source_lines if dests[n] == Dest.COMMENT), None)
        by_line[first] = {"comment": comment}
    return [
        SourceRow(number + 1, dest, text, **by_line.get(number, {}))
        for number, (dest, text) in enumerate(article.source_lines())
    ]
