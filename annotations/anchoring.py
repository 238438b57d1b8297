"""Anchors: a selection turned into a stored anchor, and an anchor placed again in changed text.

Placing tries, in order: the exact quote, at its stored position unless another occurrence keeps
more of the stored context (context, then distance, chooses among repeats); the quote with
whitespace ignored; a fuzzy match of the quote near its old place. An exact match of a short
quote counts only with enough of its old context around it (EVIDENCE).
A fuzzy match is judged by the similarity of the quote (normalised Levenshtein, 0..1) and of its
stored prefix and suffix, against the next best other place:

  quote >= 0.90, context >= 0.5, same numbers, clearly ahead of any other place -> moved (fuzzy)
  quote >= 0.60, score >= 0.70, ahead of any other place  -> needs review (its owner decides)
  anything weaker, or two places that score alike          -> orphaned (kept, re-tried)
A changed number is never a typo to a fact-checker, so it always asks for review.
"""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from .matching import (
    FuzzyMatch,
    context_overlap,
    fuzzy_find,
    locate_ignoring_whitespace,
    locate_quote,
)

CONTEXT_LENGTH = 32  # code points of prefix and suffix kept with each quote


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LNM" or ch in "'’-_"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a selection that starts or ends inside a word to the whole word."""
    while 0 < start < len(text) and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        start -= 1
    while 0 < end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end]):
        end += 1
    return start, end


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def anchor_selection(text: str, start: int, end: int, *, snap: bool = True) -> Anchor | None:
    """The anchor for text[start:end], or None when nothing but whitespace is selected."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    start, end = trim_whitespace(text, min(start, end), max(start, end))
    if snap:
        start, end = snap_to_words(text, start, end)
    if start >= end:
        return None
    return Anchor(start, end, text[start:end], *context_around(text, start, end))


FUZZY_WINDOW = 10_000  # code points searched either side of the old position
MOVE_QUOTE = 0.90
MOVE_CONTEXT = 0.5
REVIEW_QUOTE = 0.60
REVIEW_SCORE = 0.70  # 3/4 quote similarity + 1/4 context similarity
EVIDENCE = 40  # code points of quote plus surviving context an exact match needs
CLEAR_LEAD = 0.10  # how far a moved match must score above the next best place
ALIKE = 0.03  # closer than this, two places score alike and nothing is attached
_DIGITS = re.compile(r"\d+")


class Outcome(StrEnum):
    KEPT = "kept"
    MOVED = "moved"
    FUZZY = "fuzzy"
    NEEDS_REVIEW = "needs_review"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Placement:
    outcome: Outcome
    start: int
    end: int


def place(text: str, *, start: int, end: int, exact: str, prefix: str, suffix: str) -> Placement:
    """Where an annotation made on older text belongs in `text`, and how sure that is."""
    found = locate_quote(text, exact, prefix, suffix, start)
    if found is not None and _enough_evidence(
        text, found, found + len(exact), exact, prefix, suffix
    ):
        outcome = Outcome.KEPT if (found, found + len(exact)) == (start, end) else Outcome.MOVED
        return Placement(outcome, found, found + len(exact))
    span = locate_ignoring_whitespace(text, exact, prefix, suffix, start)
    if span is not None and _enough_evidence(text, *span, exact, prefix, suffix):
        return Placement(Outcome.MOVED, *span)
    best, runner_up = fuzzy_find(text, exact, prefix, suffix, start, window=FUZZY_WINDOW)
    outcome = judge(best, runner_up, exact)
    if outcome is Outcome.ORPHANED:
        return Placement(Outcome.ORPHANED, start, end)
    return Placement(outcome, best.start, best.end)


def place_anchor(text: str, anchor) -> Placement:
    """place() for anything with start, end, exact, prefix and suffix (an Anchor, an Annotation)."""
    return place(
        text,
        start=anchor.start,
        end=anchor.end,
        exact=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
    )


def _enough_evidence(text: str, start: int, end: int, exact: str, prefix: str, suffix: str) -> bool:
    """A short quote alone proves little ("the" is everywhere): the quote and the stored context
    still around it must add up to EVIDENCE code points, or all there is."""
    possible = len(exact) + len(prefix) + len(suffix)
    evidence = len(exact) + context_overlap(text, start, end, prefix, suffix)
    return evidence >= min(EVIDENCE, possible)


def judge(best: FuzzyMatch | None, runner_up: FuzzyMatch | None, exact: str) -> Outcome:
    if best is None or best.quote_similarity < REVIEW_QUOTE or best.score < REVIEW_SCORE:
        return Outcome.ORPHANED
    lead = best.score - (runner_up.score if runner_up else 0.0)
    if lead < ALIKE:
        return Outcome.ORPHANED
    confident = (
        best.quote_similarity >= MOVE_QUOTE
        and best.context_similarity >= MOVE_CONTEXT
        and _DIGITS.findall(best.text) == _DIGITS.findall(exact)
    )
    return Outcome.FUZZY if confident and lead >= CLEAR_LEAD else Outcome.NEEDS_REVIEW


def context_around(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_LENGTH) : start], text[end : end + CONTEXT_LENGTH]


def reanchor_article(article) -> dict[str, int]:
    """Place every annotation of an article (orphans included, so they are re-tried) in its
    current canonical text. Nothing is deleted. Returns counts per outcome."""
    from .models import Annotation

    text = article.canonical_text
    counts = dict.fromkeys(Outcome, 0)
    changed = []
    for annotation in Annotation.objects.filter(article=article):
        placement = place_anchor(text, annotation)
        counts[placement.outcome] += 1
        if apply_placement(annotation, placement, text):
            changed.append(annotation)
    Annotation.objects.bulk_update(changed, ["start", "end", "exact", "prefix", "suffix", "status"])
    return {str(outcome): n for outcome, n in counts.items()}


def apply_placement(annotation, placement: Placement, text: str) -> bool:
    """Update an annotation in memory from its placement; True when anything changed.
    An attached annotation's quote always equals the text it points at. A needs-review one
    points at the candidate but keeps its quote and context until its owner decides; an
    orphan keeps everything, its old position included, for the next attempt."""
    from .models import Annotation

    before = (annotation.start, annotation.end, annotation.exact, annotation.status)
    if placement.outcome is Outcome.ORPHANED:
        annotation.status = Annotation.Status.ORPHANED
    elif placement.outcome is Outcome.NEEDS_REVIEW:
        annotation.status = Annotation.Status.NEEDS_REVIEW
        annotation.start, annotation.end = placement.start, placement.end
    else:
        annotation.status = Annotation.Status.ANCHORED
        attach(annotation, text, placement.start, placement.end)
    return before != (annotation.start, annotation.end, annotation.exact, annotation.status)


def attach(annotation, text: str, start: int, end: int) -> None:
    annotation.start, annotation.end = start, end
    annotation.exact = text[start:end]
    annotation.prefix, annotation.suffix = context_around(text, start, end)
