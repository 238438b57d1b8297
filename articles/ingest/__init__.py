"""Plain-Python ingest: bytes or text in, a frozen `ParsedArticle` out. Never imports Django."""

from .decoding import IngestError, decode_source
from .html import parse_html
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
    "parse_html",
    "parse_text",
]


def parse_article(data: bytes, *, name: str, max_bytes: int | None = None) -> ParsedArticle:
    """Decode a file's bytes and parse it as HTML or scraped text, by its name."""
    if name.lower().endswith((".html", ".htm")):
        return parse_html(data, name=name, max_bytes=max_bytes)
    text, encoding = decode_source(data, max_bytes=max_bytes)
    return parse_text(text, name=name, encoding=encoding)
