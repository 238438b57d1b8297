"""Line-level cues shared by the text parser and the comment splitter."""

import re

from .markers import normalize

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
_LIST_ITEM = re.compile(r"^(?:[-*•–·▪►]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)\S")
_TIMESTAMP = re.compile(
    r"^(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s*(?:[A-Z]{2,4})?$", re.IGNORECASE
)
_LABEL = re.compile(r"^[\w&'’.() -]{2,60}(?:reported|said|wrote|writes|says|notes|added)?:$")
# Facts set out as data inside an article: a recipe's quantities, a score box, a stats table.
_DATA_LINE = re.compile(
    r"^(?:\d[\d.,/¼½¾⅓⅔⅛]*\s*(?:[^\W\d]{1,6}\b|\()|[¼½¾⅓⅔⅛]\s)"  # "250 ml …", "2 tsp …"
    r"|^[A-Z][\w'’ -]{1,30}:\s*\S.{0,60}\d"  # "Prep Time: 40 minutes", "Attendance: 6,418"
    r"|^[A-Z][\w.'’ -]{1,40}\s\d{1,3}$"  # "Glenmore 27"
)


def split_lines(text: str) -> list[tuple[str, str]]:
    """(text, ending) pairs such that joining them gives `text` back exactly."""
    out: list[tuple[str, str]] = []
    position = 0
    for match in _LINE_BREAK.finditer(text):
        out.append((text[position : match.start()], match.group()))
        position = match.end()
    if position < len(text):
        out.append((text[position:], ""))
    return out


def words(line: str) -> int:
    return len(line.split())


def ends_like_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def is_paragraph(line: str) -> bool:
    """Running text: long enough and ends as a sentence does (or is simply long)."""
    n = words(line)
    return (n >= 8 and ends_like_sentence(line)) or n >= 30


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def is_timestamp(line: str) -> bool:
    return bool(_TIMESTAMP.match(normalize(line)))


def is_data_line(line: str) -> bool:
    text = normalize(line)
    return words(text) <= 12 and not ends_like_sentence(text) and bool(_DATA_LINE.match(text))


def is_source_label(line: str) -> bool:
    """A short label that introduces a quoted passage, such as "Politico:"."""
    return words(line) <= 6 and bool(_LABEL.match(normalize(line)))


def looks_like_headline(line: str) -> bool:
    text = normalize(line)
    n = words(text)
    if not (3 <= n <= 30 and 12 <= len(text) <= 220):
        return False
    if text.endswith((".", ",", ";")) or text.lower().startswith(("by ", "by:")):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"“'‘"


def doubled_caption(line: str) -> bool:
    """A caption glued to its own copy: "A man walks.A man walks.Name/AP"."""
    text = normalize(line)
    if len(text) < 60:
        return False
    head = text[:40]
    return text.find(head, 40) != -1
