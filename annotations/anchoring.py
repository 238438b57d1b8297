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
