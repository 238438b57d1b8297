"""Turn a selection into a stored anchor: snap it to words, trim it, take its quote and context."""

import unicodedata
from dataclasses import dataclass

from .models import CONTEXT_LENGTH


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
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


def locate_quote(text: str, exact: str, prefix: str, suffix: str, hint: int) -> int | None:
    """Where `exact` sits in `text`: every occurrence scored by matching context, ties broken
    by distance from `hint` (the old start). None when the quote no longer occurs."""
    if not exact:
        return None
    best, best_key = None, None
    position = text.find(exact)
    while position != -1:
        before = text[max(0, position - len(prefix)) : position]
        after = text[position + len(exact) : position + len(exact) + len(suffix)]
        context = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        key = (-context, abs(position - hint))
        if best_key is None or key < best_key:
            best, best_key = position, key
        position = text.find(exact, position + 1)
    return best


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def reanchor_article(article) -> dict[str, int]:
    """Place every annotation of an article in its current canonical text: the stored position
    if the quote is still there, else the best occurrence of the quote (context, then distance),
    else orphaned with its quote, tag and note kept. Returns counts per outcome."""
    from .models import Annotation

    text = article.canonical_text
    counts = {"kept": 0, "moved": 0, "orphaned": 0}
    changed = []
    for annotation in Annotation.objects.filter(article=article):
        if text[annotation.start : annotation.end] == annotation.exact:
            outcome = "kept"
            status = Annotation.Status.ANCHORED
        else:
            found = locate_quote(
                text, annotation.exact, annotation.prefix, annotation.suffix, annotation.start
            )
            if found is None:
                outcome, status = "orphaned", Annotation.Status.ORPHANED
            else:
                outcome, status = "moved", Annotation.Status.ANCHORED
                annotation.start, annotation.end = found, found + len(annotation.exact)
                annotation.prefix = text[max(0, found - CONTEXT_LENGTH) : found]
                annotation.suffix = text[annotation.end : annotation.end + CONTEXT_LENGTH]
        counts[outcome] += 1
        if outcome != "kept" or annotation.status != status:
            annotation.status = status
            changed.append(annotation)
    Annotation.objects.bulk_update(changed, ["start", "end", "prefix", "suffix", "status"])
    return counts
