"""What the reading view shows: the body with the user's highlights, and their sidebar list.

Hundreds of highlights are common, so rows come as tuples (no model instances) and the sidebar
list is built from escaped strings rather than a template loop: 500 highlights render in a few
milliseconds instead of tens.
"""

from collections import Counter
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from articles.ingest.sanitize import linkify
from articles.models import Article

from .models import Annotation
from .rendering import BodyRenderer, Span

FIELDS = ("pk", "tag", "start", "end", "status", "exact", "note")
LABELS = dict(Annotation.Tag.choices)
ORPHANED, NEEDS_REVIEW = Annotation.Status.ORPHANED, Annotation.Status.NEEDS_REVIEW


def reading_context(article: Article, user) -> dict:
    """Context for the whole reading page; a constant number of queries whatever the
    highlight count."""
    stripped = list(article.stripped.all())
    thread = _thread(article)
    return reader_context(article, user) | {
        "stripped_groups": _group_by_kind(stripped),
        "stripped_count": len(stripped),
        "thread": thread,
        "comments": list(thread.comments.all()) if thread else [],
    }


def reader_context(article: Article, user) -> dict:
    """Context for the reader fragment alone (body and sidebar), which every highlight change
    re-renders: three queries."""
    rows = list(
        Annotation.objects.for_user(user)
        .filter(article=article)
        .in_text_order()
        .values_list(*FIELDS, named=True)
    )
    placed = [r for r in rows if r.status != ORPHANED]
    spans = [Span(r.pk, r.tag, r.start, r.end, r.status == NEEDS_REVIEW) for r in placed]
    renderer = BodyRenderer(spans)
    blocks = [(block, renderer.render(block.text, block.start)) for block in article.blocks.all()]
    counts = Counter(r.tag for r in placed)
    return {
        "article": article,
        "blocks": blocks,
        "highlight_count": len(placed),
        "highlight_list": highlight_list(placed, article.canonical_text),
        "review": [_review_row(r, article) for r in placed if r.status == NEEDS_REVIEW],
        "orphaned": [_labelled(r) for r in rows if r.status == ORPHANED],
        "tag_counts": [(tag, label, counts[tag]) for tag, label in Annotation.Tag.choices],
    }


def highlight_list(rows, text: str) -> SafeString:
    """The sidebar's <li> items, in text order, each with the words it covers now (a
    highlight waiting for review shows its candidate); each opens its editor.
    Every value is escaped here (the note by linkify, which escapes before linking)."""
    edit_prefix = reverse("annotations:annotation-edit", args=[0]).removesuffix("0/")
    items = []
    for r in rows:
        tag, pk = escape(r.tag), int(r.pk)
        note = f'<p class="note">{linkify(r.note)}</p>' if r.note else ""
        quote = escape(shorten(text[r.start : r.end], 140))
        items.append(
            f'<li data-tag="{tag}"><button type="button" class="highlight-link"'
            f' data-annotation-id="{pk}" hx-get="{edit_prefix}{pk}/" hx-target="#editor">'
            f'<span class="tag-label tag-{tag}">{escape(LABELS[r.tag])}</span>'
            f' <span class="quote">{quote}</span></button>{note}</li>'
        )
    return mark_safe("\n".join(items))  # noqa: S308 -- built from escaped values only


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, the last an ellipsis when cut (fast, for long lists)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _labelled(row) -> dict:
    return {"pk": row.pk, "tag": row.tag, "label": LABELS[row.tag], "exact": row.exact}


def _review_row(row, article: Article) -> dict:
    return _labelled(row) | {"now": article.canonical_text[row.start : row.end]}


def _thread(article: Article):
    try:
        return article.thread
    except Article.thread.RelatedObjectDoesNotExist:
        return None


def _group_by_kind(stripped) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for segment in stripped:
        groups.setdefault(segment.get_kind_display(), []).append(segment)
    return list(groups.items())
