"""Create a highlight from a selection in an article's canonical text."""

from dataclasses import asdict

from articles.models import Article

from .anchoring import anchor_selection
from .models import Annotation


class EmptySelection(ValueError):
    pass


def create_annotation(
    *, user, article: Article, tag: str, start: int, end: int, note: str = "", snap: bool = True
) -> tuple[Annotation, bool]:
    """The new highlight and True; or, when the user already has this highlight (same words,
    place and tag, and no other note), that one and False, so a second press of the same key
    or a double click does not leave two identical marks."""
    anchor = anchor_selection(article.canonical_text, start, end, snap=snap)
    if anchor is None:
        raise EmptySelection("The selection holds no text.")
    same = Annotation.objects.filter(
        user=user,
        article=article,
        tag=tag,
        start=anchor.start,
        end=anchor.end,
        status=Annotation.Status.ANCHORED,
    )
    existing = same.filter(note=note).first() if note else same.first()
    if existing:
        return existing, False
    annotation = Annotation.objects.create(
        user=user,
        article=article,
        tag=tag,
        note=note,
        original_exact=anchor.exact,
        **asdict(anchor),
    )
    return annotation, True
