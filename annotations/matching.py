"""Find a quote in changed text: exactly, ignoring whitespace, or approximately.

Pure functions over `str` (code point offsets); anchoring.py decides what a match is worth.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

_SPACE = re.compile(r"\s+")
MAX_EDGE_SHIFT = 200  # code points an edge of a fuzzy match may move from the rough place


def locate_quote(text: str, exact: str, prefix: str, suffix: str, hint: int) -> int | None:
    """Where `exact` sits in `text`: every occurrence scored by matching context, ties broken
    by distance from `hint` (the old start). None when the quote no longer occurs."""
    if not exact:
        return None
    best, best_key = None, None
    position = text.find(exact)
    while position != -1:
        context = context_overlap(text, position, position + len(exact), prefix, suffix)
        key = (-context, abs(position - hint))
        if best_key is None or key < best_key:
            best, best_key = position, key
        position = text.find(exact, position + 1)
    return best


def context_overlap(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many code points of the stored prefix and suffix still surround text[start:end],
    with runs of whitespace counted as one space (re-wrapping is not a change of context)."""
    before = _SPACE.sub(" ", text[max(0, start - len(prefix) - 8) : start])
    after = _SPACE.sub(" ", text[end : end + len(suffix) + 8])
    return _common_suffix(before, _SPACE.sub(" ", prefix)) + _common_prefix(
        after, _SPACE.sub(" ", suffix)
    )


def locate_ignoring_whitespace(
    text: str, exact: str, prefix: str, suffix: str, hint: int
) -> tuple[int, int] | None:
    """The span of `text` that equals `exact` once all whitespace is removed from both, so that
    reflowed, re-spaced or re-wrapped text never loses a highlight."""
    squeezed_exact = _SPACE.sub("", exact)
    if not squeezed_exact:
        return None
    squeezed, offsets = _squeeze(text)
    squeezed_hint = bisect_left(offsets, hint)
    found = locate_quote(
        squeezed, squeezed_exact, _SPACE.sub("", prefix), _SPACE.sub("", suffix), squeezed_hint
    )
    if found is None:
        return None
    return offsets[found], offsets[found + len(squeezed_exact) - 1] + 1


@lru_cache(maxsize=2)  # one article's text serves all its annotations
def _squeeze(text: str) -> tuple[str, list[int]]:
    offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in offsets), offsets


@dataclass(frozen=True)
class FuzzyMatch:
    start: int
    end: int
    text: str
    quote_similarity: float  # 0..1, normalised Levenshtein similarity of the quote
    context_similarity: float  # 0..1, of the stored prefix and suffix around the match

    @property
    def score(self) -> float:
        return 0.75 * self.quote_similarity + 0.25 * self.context_similarity


def fuzzy_find(
    text: str, exact: str, prefix: str, suffix: str, hint: int, *, window: int
) -> tuple[FuzzyMatch | None, FuzzyMatch | None]:
    """The closest approximate occurrence of `exact` within `window` code points of `hint`,
    and the best other place (two places alike make a match worthless)."""
    lo = max(0, hint - window)
    region = text[lo : min(len(text), hint + len(exact) + window)]
    matches: list[FuzzyMatch] = []
    for _ in range(2):
        span = _best_span(region, exact)
        if span is None:
            break
        start, end, similarity = span
        context = _context_similarity(text, lo + start, lo + end, prefix, suffix)
        matches.append(
            FuzzyMatch(lo + start, lo + end, text[lo + start : lo + end], similarity, context)
        )
        region = region[:start] + "\0" * (end - start) + region[end:]
    matches.sort(key=lambda match: match.score, reverse=True)
    matches += [None, None]
    return matches[0], matches[1]


def _best_span(region: str, exact: str) -> tuple[int, int, float] | None:
    """Rough place by rapidfuzz's partial alignment (a window as long as the quote), then the
    real edges: the best start for that end, the best end for that start, twice over. Each
    edge moves at most half the quote's length (capped), so the work stays bounded."""
    rough = fuzz.partial_ratio_alignment(exact, region, score_cutoff=40)
    if rough is None or rough.dest_end <= rough.dest_start:
        return None
    reach = min(MAX_EDGE_SHIFT, 3 + len(exact) // 2)
    start, end = rough.dest_start, rough.dest_end
    for _ in range(2):
        start = _best_edge(region, exact, range(start - reach, start + reach + 1), end=end)
        end = _best_edge(region, exact, range(end - reach, end + reach + 1), start=start)
    return start, end, Levenshtein.normalized_similarity(exact, region[start:end])


def _best_edge(region: str, exact: str, candidates: range, *, start=None, end=None) -> int:
    best_key, best = None, None
    for edge in candidates:
        lo, hi = (edge, end) if start is None else (start, edge)
        if lo < 0 or hi > len(region) or hi <= lo:
            continue
        candidate = region[lo:hi]
        key = (
            Levenshtein.normalized_similarity(exact, candidate),
            _on_word_edges(region, lo, hi),
            -abs(len(candidate) - len(exact)),
        )
        if best_key is None or key > best_key:
            best_key, best = key, edge
    return best


def _on_word_edges(text: str, start: int, end: int) -> int:
    starts_clean = start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())
    ends_clean = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    edges_trimmed = not text[start].isspace() and not text[end - 1].isspace()
    return starts_clean + ends_clean + edges_trimmed


def _context_similarity(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    if not prefix and not suffix:
        return 1.0
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    matched = len(prefix) * Levenshtein.normalized_similarity(prefix, before) + len(
        suffix
    ) * Levenshtein.normalized_similarity(suffix, after)
    return matched / (len(prefix) + len(suffix))


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
