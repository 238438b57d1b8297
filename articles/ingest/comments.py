"""Split the tail of a page that holds a comment thread into notice, rules and comments.

Input: (line number, text) pairs from the thread's first line to the page's end, blank lines
left out. Output: each line's destination and the thread. Without header lines such as
"Posted by ... at ...", every line is one comment; with them, a header opens a comment and
the text lines under it belong to it. It does not build reply trees.
"""

import re

from .markers import (
    COMMENT_FOOTER,
    COMMENT_HEADER,
    COMMENT_NUMBER,
    NOTICE,
    REMOVAL_MARK,
    REMOVED,
    RULES,
    THREAD_START,
    match_markers,
    normalize,
)
from .types import CommentThread, Dest, ParsedComment

_HEADERS = {COMMENT_HEADER, COMMENT_NUMBER}


def split_comment_thread(lines: list[tuple[int, str]]) -> tuple[dict[int, Dest], CommentThread]:
    dests: dict[int, Dest] = {}
    notice, rules, comments = [], [], []
    kinds = {number: match_markers(text) for number, text in lines}
    threaded = any(kinds[number] & _HEADERS for number, _ in lines)
    current: list[tuple[int, str, bool]] | None = None  # (line, text, is_meta)

    def close() -> None:
        nonlocal current
        if current and any(not is_meta for _, _, is_meta in current):
            comments.append(_make_comment(current))
        elif current:  # meta lines with no text: keep them as chrome
            for number, _, _ in current:
                dests[number] = Dest.CHROME
        current = None

    for number, text in lines:
        found = kinds[number]
        if NOTICE in found and not comments and current is None:
            dests[number] = Dest.NOTICE
            notice.append((number, text))
        elif (RULES in found or (rules and _is_rule_item(text))) and not comments and not current:
            dests[number] = Dest.RULES
            rules.append((number, text))
        elif found & _HEADERS and (COMMENT_HEADER in found or threaded):
            if not (current and all(is_meta for _, _, is_meta in current)):
                close()
                current = []
            current.append((number, text, True))
        elif COMMENT_FOOTER in found and current is not None:
            current.append((number, text, True))
        elif (found & {THREAD_START, "chrome", "ad"} or COMMENT_FOOTER in found) and (
            REMOVED not in found
        ):
            close()
            dests[number] = Dest.AD if "ad" in found else Dest.CHROME
        elif threaded and current is not None and not _ends_with_footer(current):
            current.append((number, text, False))
        else:
            close()
            current = [(number, text, False)]
            if not threaded:
                close()
    close()

    for comment in comments:
        for number in comment.lines:
            dests.setdefault(number, Dest.COMMENT)
        for number in comment.meta_lines:
            dests[number] = Dest.COMMENT_META
    thread = CommentThread(
        notice="\n".join(normalize(t) for _, t in notice),
        rules="\n".join(normalize(t) for _, t in rules),
        notice_lines=tuple(n for n, _ in notice),
        rules_lines=tuple(n for n, _ in rules),
        comments=tuple(comments),
    )
    return dests, thread


def _is_rule_item(text: str) -> bool:
    return bool(re.match(r"^(?:\d{1,2}[.)]|[-*•])\s+\S", text)) and len(text.split()) <= 25


def _ends_with_footer(current: list[tuple[int, str, bool]]) -> bool:
    has_text = any(not is_meta for _, _, is_meta in current)
    return has_text and current[-1][2]


def _make_comment(parts: list[tuple[int, str, bool]]) -> ParsedComment:
    text_lines = [normalize(t) for _, t, is_meta in parts if not is_meta]
    meta = tuple(normalize(t) for _, t, is_meta in parts if is_meta)
    removed = all(REMOVED in match_markers(t) for t in text_lines)
    partial = not removed and any(REMOVAL_MARK.search(t) for t in text_lines)
    return ParsedComment(
        text="\n".join(text_lines),
        removed=removed,
        partially_removed=partial,
        author=_author_from_meta(meta),
        meta=meta,
        lines=tuple(number for number, _, _ in parts),
        meta_lines=tuple(number for number, _, is_meta in parts if is_meta),
    )


def _author_from_meta(meta: tuple[str, ...]) -> str:
    for line in meta:
        lowered = line.lower()
        if lowered.startswith(("replying to ", "in reply to ", "reply to ")):
            continue
        if lowered.startswith("posted by "):
            rest = line[len("posted by ") :]
            return rest.split(" at ")[0].split(" on ")[0].strip()
        for sep in (" says", " said", " wrote", " · ", " • ", " | "):
            if sep in line:
                return line.split(sep)[0].lstrip("#0123456789. ").strip()
    return ""
