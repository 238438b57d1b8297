"""Bytes to text: refuse empty, binary and oversized input; detect the encoding.

Tries UTF-8 with or without BOM, UTF-16 with a BOM, then Windows-1252. It does not guess other
legacy encodings: a file that is none of these is refused rather than imported as mojibake.
"""

import codecs
import re

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


class IngestError(ValueError):
    """Input that cannot be imported; the message says why, for the user."""


def decode_source(data: bytes, *, max_bytes: int | None = None) -> tuple[str, str]:
    """Return (text, encoding) where text.encode(encoding) == data."""
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise IngestError(f"file is {len(data):,} bytes, over the {limit:,}-byte limit")
    if not data.strip():
        raise IngestError("file is empty")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("file looks binary (NUL bytes), not text")
    text, encoding = _decode(data)
    if _looks_binary(text):
        raise IngestError("file looks binary (control characters), not text")
    if not text.strip():
        raise IngestError("file is empty")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise IngestError(
        "file is not valid UTF-8 or Windows-1252 text (undecodable bytes); "
        "convert it to UTF-8 and import it again"
    )


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return controls > max(2, len(sample) // 100)
