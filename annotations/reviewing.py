"""The owner's answer to a highlight that re-anchoring placed on similar, not identical, words."""

from .anchoring import attach
from .models import Annotation


def confirm_placement(annotation: Annotation) -> None:
    """Keep it where it was placed: its quote becomes the text it now points at."""
    attach(annotation, annotation.article.canonical_text, annotation.start, annotation.end)
    annotation.status = Annotation.Status.ANCHORED
    annotation.save(update_fields=["exact", "prefix", "suffix", "status", "updated_at"])


def reject_placement(annotation: Annotation) -> None:
    """Not these words: keep it, quote and note intact, with the ones that could not be placed."""
    annotation.status = Annotation.Status.ORPHANED
    annotation.save(update_fields=["status", "updated_at"])
