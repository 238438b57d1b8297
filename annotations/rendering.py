"""Cut the canonical text at annotation boundaries and wrap each run in <mark> elements.

Overlapping highlights nest: a run covered by several annotations is wrapped once per
annotation, outermost first (earliest start, then longest). Everything is escaped here.
"""

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Span:
    id: int
    tag: str
    start: int
    end: int
    review: bool = False  # placed by a fuzzy match its owner has not confirmed yet


class BodyRenderer:
    """Renders every block of one article against one sorted list of spans."""

    def __init__(self, spans: Sequence[Span]):
        self.spans = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)
        self.open_tags = {s.id: self._open_tag(s) for s in self.spans}

    @staticmethod
    def _open_tag(span: Span) -> str:
        tag = escape(span.tag)
        classes = f"hl hl-{tag} hl-review" if span.review else f"hl hl-{tag}"
        return f'<mark data-annotation-id="{int(span.id)}" data-tag="{tag}" class="{classes}">'

    def render(self, text: str, block_start: int) -> SafeString:
        block_end = block_start + len(text)
        # Only spans starting within `longest` before the block can reach into it.
        first = bisect_left(self.starts, block_start - self.longest)
        last = bisect_left(self.starts, block_end)
        inside = [s for s in self.spans[first:last] if s.end > block_start]
        if not inside:
            return mark_safe(escape(text))  # noqa: S308
        cuts = sorted(
            {0, len(text)}
            | {max(s.start - block_start, 0) for s in inside}
            | {min(s.end - block_start, len(text)) for s in inside}
        )
        parts, active, waiting = [], [], iter(inside)
        upcoming = next(waiting, None)
        for left, right in itertools.pairwise(cuts):
            position = block_start + left
            # A span covers this run when it has started and not ended: cuts fall on every edge.
            active = [s for s in active if s.end > position]
            while upcoming is not None and upcoming.start <= position:
                active.append(upcoming)  # spans arrive outermost first, as sorted
                upcoming = next(waiting, None)
            opened = "".join(self.open_tags[s.id] for s in active)
            parts.append(f"{opened}{escape(text[left:right])}{'</mark>' * len(active)}")
        return mark_safe("".join(parts))  # noqa: S308 -- text escaped, attributes built from ints and escaped tags


def render_block(text: str, block_start: int, spans: Sequence[Span]) -> SafeString:
    """HTML for one block whose first character sits at `block_start` in the canonical text."""
    return BodyRenderer(spans).render(text, block_start)
