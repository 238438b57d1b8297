"""The only callers of bleach: user text in, safe HTML out."""

import html

import bleach
from bleach.callbacks import nofollow, target_blank

_LINKER = bleach.linkifier.Linker(
    callbacks=[nofollow, target_blank], skip_tags=["pre", "code"], parse_email=False
)


def linkify(text: str) -> str:
    """Escape plain text and turn its http(s) URLs into links; nothing else becomes markup."""
    return _LINKER.linkify(html.escape(text, quote=True))
