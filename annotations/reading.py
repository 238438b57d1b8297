"""What the reading view shows: the body with the user's highlights, and their sidebar list."""

from collections import Counter

from django.urls import reverse

from articles.models import Article

from .models import Annotation
from .rendering import BodyRenderer, Span


def reading_context(article: Article, user) -> dict:
    """Context for the reading view; a constant number of queries whatever the highlight count."""
    annotations = list(Annotation.objects.for_user(user).filter(article=article).in_text_order())
    placed = [a for a in annotations if a.status != Annotation.Status.ORPHANED]
    review = Annotation.Status.NEEDS_REVIEW
    renderer = BodyRenderer([Span(a.pk, a.tag, a.start, a.end, a.status == review) for a in placed])
    blocks = [(block, renderer.render(block.text, block.start)) for block in article.blocks.all()]
    counts = Counter(a.tag for a in placed)
    stripped = list(article.stripped.all())
    thread = getattr(article, "thread", None) if _has_thread(article) else None
    labels = dict(Annotation.Tag.choices)
    edit_prefix = reverse("annotations:annotation-edit", args=[0]).removesuffix("0/")
    return {
        "article": article,
        "blocks": blocks,
        "annotations": [_sidebar_row(a, labels, edit_prefix) for a in placed],
        "review": [_review_row(a, article, labels) for a in placed if a.status == review],
        "orphaned": [a for a in annotations if a.status == Annotation.Status.ORPHANED],
        "tag_counts": [(tag, label, counts[tag]) for tag, label in Annotation.Tag.choices],
        "stripped_groups": _group_by_kind(stripped),
        "stripped_count": len(stripped),
        "thread": thread,
        "comments": list(thread.comments.all()) if thread else [],
    }


def _sidebar_row(annotation: Annotation, labels: dict, edit_prefix: str) -> dict:
    """Plain values for the sidebar: hundreds of rows render fast without model lookups."""
    quote = annotation.exact
    return {
        "pk": annotation.pk,
        "tag": annotation.tag,
        "label": labels[annotation.tag],
        "quote": quote if len(quote) <= 140 else quote[:139] + "…",
        "note": annotation.note,
        "edit_url": f"{edit_prefix}{annotation.pk}/",
    }


def _review_row(annotation: Annotation, article: Article, labels: dict) -> dict:
    return {
        "pk": annotation.pk,
        "tag": annotation.tag,
        "label": labels[annotation.tag],
        "was": annotation.exact,
        "now": article.canonical_text[annotation.start : annotation.end],
    }


def _has_thread(article: Article) -> bool:
    try:
        article.thread  # noqa: B018 -- a reverse one-to-one raises when absent
    except Article.thread.RelatedObjectDoesNotExist:
        return False
    return True


def _group_by_kind(stripped) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for segment in stripped:
        groups.setdefault(segment.get_kind_display(), []).append(segment)
    return list(groups.items())
