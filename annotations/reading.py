"""What the reading view shows: the body with the user's highlights, and their sidebar list."""

from collections import Counter

from articles.models import Article

from .models import Annotation
from .rendering import Span, render_block


def reading_context(article: Article, user) -> dict:
    """Context for the reading view; a constant number of queries whatever the highlight count."""
    annotations = list(Annotation.objects.for_user(user).filter(article=article).in_text_order())
    placed = [a for a in annotations if a.status != Annotation.Status.ORPHANED]
    spans = [Span(a.pk, a.tag, a.start, a.end) for a in placed]
    blocks = [
        (block, render_block(block.text, block.start, spans)) for block in article.blocks.all()
    ]
    counts = Counter(a.tag for a in placed)
    stripped = list(article.stripped.all())
    thread = getattr(article, "thread", None) if _has_thread(article) else None
    return {
        "article": article,
        "blocks": blocks,
        "annotations": placed,
        "orphaned": [a for a in annotations if a.status == Annotation.Status.ORPHANED],
        "tag_counts": [(tag, label, counts[tag]) for tag, label in Annotation.Tag.choices],
        "stripped_groups": _group_by_kind(stripped),
        "stripped_count": len(stripped),
        "thread": thread,
        "comments": list(thread.comments.all()) if thread else [],
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
