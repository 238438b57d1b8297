"""Read and parse one file from disk. No Django here, so worker processes can run it."""

from pathlib import Path

from . import parse_article
from .decoding import IngestError
from .types import ParsedArticle


def load_file(path: Path, *, max_bytes: int) -> tuple[ParsedArticle, bytes]:
    """The file's parse and its bytes. Raises IngestError with a reason on bad input."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise IngestError("no such file") from exc
    if size > max_bytes:
        raise IngestError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    data = path.read_bytes()
    return parse_article(data, name=path.name, max_bytes=max_bytes), data


def load_or_reason(path: Path, *, max_bytes: int) -> tuple[ParsedArticle, bytes] | str:
    """load_file, with the reason as a string instead of an exception (it crosses processes)."""
    try:
        return load_file(path, max_bytes=max_bytes)
    except (IngestError, OSError) as exc:
        return str(exc) or type(exc).__name__


def load_batch(
    paths: list[Path], max_bytes: int
) -> list[tuple[Path, tuple[ParsedArticle, bytes] | str]]:
    """load_or_reason for several files: one task for a worker process (it imports no Django)."""
    return [(path, load_or_reason(path, max_bytes=max_bytes)) for path in paths]
