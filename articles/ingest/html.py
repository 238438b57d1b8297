"""HTML pages to a `ParsedArticle` (placeholder until the HTML importer lands)."""

from .types import ParsedArticle


def parse_html(data: bytes, *, name: str, max_bytes: int | None = None) -> ParsedArticle:
    raise NotImplementedError
