"""Create a highlight from a selection in an article's canonical text."""

from dataclasses import asdict

from articles.models import Article

from .anchoring import anchor_selection
from .models import Annotation


class EmptySelection(ValueError):
    pass


def create_annotation(
    *, user, article: Article, tag: str, start: int, end: int, note: str = "", snap: bool = True
) -> Annotation:
    anchor = anchor_selection(article.canonical_text, start, end, snap=snap)
    if anchor is None:
        raise EmptySelection("The selection holds no text.")
    return Annotation.objects.create(
        user=user,
        article=article,
        tag=tag,
        note=note,
        original_exact=anchor.exact,
        **asdict(anchor),
    )
