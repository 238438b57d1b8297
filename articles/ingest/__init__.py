"""Plain-Python ingest: bytes or text in, a frozen `ParsedArticle` out. Never imports Django."""

from .decoding import IngestError, decode_source
from .text import parse_text
from .types import Block, ParsedArticle, ParsedComment, SourceLine, StrippedSegment

__all__ = [
    "Block",
    "IngestError",
    "ParsedArticle",
    "ParsedComment",
    "SourceLine",
    "StrippedSegment",
    "decode_source",
    "parse_article",
    "parse_text",
]


def parse_article(data: bytes, *, name: str, max_bytes: int | None = None) -> ParsedArticle:
    """Decode a file's bytes and parse it as HTML or scraped text, by its name."""
    text, encoding = decode_source(data, max_bytes=max_bytes)
    if name.lower().endswith((".html", ".htm")):
        from .html import parse_html  # trafilatura loads only when there is HTML to parse

        return parse_html(text, name=name, encoding=encoding)
    return parse_text(text, name=name, encoding=encoding)
