"""Cut the canonical text at annotation boundaries and wrap each run in <mark> elements.

Overlapping highlights nest: a run covered by several annotations is wrapped once per
annotation, outermost first (earliest start, then longest). Everything is escaped here.
"""

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Span:
    id: int
    tag: str
    start: int
    end: int


def render_block(text: str, block_start: int, spans: Sequence[Span]) -> SafeString:
    """HTML for one block whose first character sits at `block_start` in the canonical text."""
    block_end = block_start + len(text)
    inside = [s for s in spans if s.start < block_end and s.end > block_start]
    if not inside:
        return escape(text)
    cuts = sorted(
        {0, len(text)}
        | {min(max(s.start - block_start, 0), len(text)) for s in inside}
        | {min(max(s.end - block_start, 0), len(text)) for s in inside}
    )
    ordered = sorted(inside, key=lambda s: (s.start, -s.end, s.id))
    parts = []
    for left, right in itertools.pairwise(cuts):
        covering = [
            s for s in ordered if s.start <= block_start + left and s.end >= block_start + right
        ]
        parts.append(_wrap(text[left:right], covering))
    return mark_safe("".join(parts))  # noqa: S308 -- every piece was escaped by _wrap


def _wrap(run: str, covering: Iterable[Span]) -> str:
    html = str(escape(run))
    for span in reversed(list(covering)):
        html = format_html(
            '<mark data-annotation-id="{}" data-tag="{}" class="hl hl-{}">{}</mark>',
            span.id,
            span.tag,
            span.tag,
            mark_safe(html),  # noqa: S308 -- escaped above
        )
    return html
