"""Scraped plain-text pages to a `ParsedArticle`.

Input: the decoded text of a page dumped one block per line (with or without blank lines
between blocks). Output: title, byline, body blocks, stripped segments and the comment thread,
with every source line assigned exactly one destination. Known furniture comes from the
`markers` table; structure (position, length, punctuation, repetition) decides the rest.
It does not fetch anything or guess a URL the text does not contain.
"""

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from . import lines as cue
from .comments import split_comment_thread
from .markers import (
    COMMENT_FOOTER,
    COMMENT_HEADER,
    COMMENT_NUMBER,
    NOTICE,
    REMOVED,
    RULES,
    SECTION_LIKE,
    THREAD_START,
    match_markers,
    normalize,
)
from .types import (
    STRIPPED_KINDS,
    Block,
    BlockKind,
    Dest,
    ParsedArticle,
    SourceLine,
    StrippedSegment,
    stripped_kind,
)

# Ad labels that stand alone; other ad headers ("Promoted Stories") open a list of teasers.
_LONE_AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|ads?|story continues below advertisement)$", re.IGNORECASE
)
# A moderation notice opens a thread only when comments are its subject or it speaks of
# moderation: "the statue may be removed" or "held for review while the commission collected
# public comment" in a news paragraph must not turn the rest of the article into comments.
_NAMES_COMMENTS = re.compile(
    r"^(?:(?:all|reader|readers'?|your|user|our|les|los|i)\s+)?"
    r"(?:comments?|commenting|commentaires|kommentare|comentarios|commenti|reacties|posts?|replies)\b"
    r"|\bmoderat(?:ed|ion|ors?)\b|\bmodér|\bmoderiert|\bgemodereerd"
    r"|\bcomments? (?:may|will|can) be (?:removed|deleted|edited)",
    re.IGNORECASE,
)
_COMMENT_CUES = frozenset({COMMENT_HEADER, COMMENT_FOOTER, COMMENT_NUMBER, REMOVED, NOTICE, RULES})
_CUE_WINDOW = 3  # lines right after a SECTION_LIKE start, where comment furniture must appear
_OUTLET_SUFFIX = re.compile(r"^(?P<title>.*\S)\s+(?:[-|–—•]|::)\s+(?P<outlet>[^-|–—•]{2,40})$")
_BYLINE = re.compile(
    r"^(?:by|written by|opinion by|analysis by|words by|reporting by|interview by|"
    r"interviewed by|report by|text by|story by|author|authors|par|von|por|di|door|"
    r"(?:medically |fact[- ])?(?:reviewed|checked) by)\s*:?\s+(?P<rest>.{2,120})$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:published|updated|posted|last updated|first published|modified|publié|mis à jour|"
    r"veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato)\b.{0,80}$"
    r"|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .{0,60}\d{4}.{0,30}$"
    r"|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}.{0,40}$",
    re.IGNORECASE,
)
_HAS_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} "
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\.\d{1,2}\.\d{4}\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"^(?P<author>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}),\s*"
    r"(?:senior |chief |staff |contributing |political |foreign |national |investigative |"
    r"white house )?(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|"
    r"producer|analyst)\b.{0,40}$",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|staff|producer)\b",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:is|was|writes|covers)\b.{0,200}"
    r"\b(?:columnist|writer|editor|author|contributor|professor|fellow|reporter|correspondent|"
    r"journalist|host)\b.{0,200}$"
)
_MAX_COMMENT_LINES = 8  # lines from one comment header to the next, footers included


@dataclass
class _Line:
    number: int
    text: str  # stripped of surrounding whitespace
    kinds: set[str]


def parse_text(text: str, *, name: str, encoding: str = "utf-8") -> ParsedArticle:
    raw = cue.split_lines(text)
    content = [
        _Line(number, line.strip(), match_markers(line))
        for number, (line, _) in enumerate(raw)
        if line.strip()
    ]
    dests: dict[int, Dest] = {}
    title_lines, title, outlet = _find_title(content)
    for line in title_lines:
        dests[line.number] = Dest.TITLE
    first_title = title_lines[0].number if title_lines else -1
    author, byline_outlet = _find_byline(content, first_title, dests)
    outlet = outlet or byline_outlet
    thread_start = _find_thread_start(content, first_title)

    article_lines = [ln for ln in content if ln.number < thread_start]
    blocks, stripped = _classify_article_zone(article_lines, dests, author, first_title)
    outlet = outlet or _wire_outlet(blocks)
    byline_lines = [normalize(ln.text) for ln in content if dests.get(ln.number) == Dest.BYLINE]
    byline = " · ".join(byline_lines)
    author = author or next((a for a in map(_author_from_line, byline_lines) if a), "")
    thread_lines = [(ln.number, ln.text) for ln in content if ln.number >= thread_start]
    thread_dests, thread = split_comment_thread(thread_lines)
    dests.update(thread_dests)
    thread_text = dict(thread_lines)  # already stripped
    stripped += [
        StrippedSegment(dest, thread_text[n], n)
        for n, dest in thread_dests.items()
        if dest in STRIPPED_KINDS
    ]

    return ParsedArticle(
        name=name,
        title=title,
        outlet=outlet,
        author=author,
        byline=byline,
        encoding=encoding,
        blocks=tuple(blocks),
        stripped=tuple(sorted(stripped, key=lambda s: s.line or 0)),
        thread=thread,
        lines=tuple(
            SourceLine(n, line, ending, dests.get(n, Dest.BLANK))
            for n, (line, ending) in enumerate(raw)
        ),
    )


def split_outlet(headline: str) -> tuple[str, str]:
    """ "Title - Newsweek" -> ("Title", "Newsweek"); other titles come back unchanged."""
    match = _OUTLET_SUFFIX.match(normalize(headline))
    if match:
        outlet = match["outlet"].strip()
        outlet_words = outlet.split()
        if len(outlet_words) <= 4 and all(w[0].isupper() or w == "the" for w in outlet_words):
            return match["title"].strip(), outlet
    return normalize(headline), ""


def _find_title(content: list[_Line]) -> tuple[list[_Line], str, str]:
    """The headline: the best-scoring early line (headline shape, next to the byline, repeated
    as a `<title>`-like "Headline | Outlet" line), or else the first unmarked line."""
    if not content:
        return [], "", ""
    window = _header_window(content)
    groups = _title_groups(window)
    if groups:
        group = max(groups, key=lambda g: (_title_score(g, window), -g[0].number))
        split = [split_outlet(ln.text) for ln in group]
        title = min((t for t, _ in split), key=len)
        return group, title, next((o for _, o in split if o), "")
    best = next((ln for ln in content if not ln.kinds), content[0])
    title, outlet = split_outlet(best.text)
    return [best], title, outlet


def _header_window(content: list[_Line]) -> list[_Line]:
    """Lines before the body starts (two running paragraphs in a row), at most 40."""
    window = []
    for i, line in enumerate(content[:40]):
        following = content[i + 1] if i + 1 < len(content) else None
        if (
            window
            and not line.kinds
            and cue.is_paragraph(line.text)
            and following is not None
            and not following.kinds
            and cue.is_paragraph(following.text)
        ):
            break
        window.append(line)
    return window


def _title_groups(window: list[_Line]) -> list[list[_Line]]:
    """Candidate headlines, a line and its repeats (with or without an outlet suffix) together."""
    groups: dict[str, list[_Line]] = {}
    for ln in window:
        if (
            ln.kinds - {THREAD_START, SECTION_LIKE}
            or _is_byline(ln.text)
            or cue.words(ln.text) > 30
        ):
            continue
        if not (cue.looks_like_headline(ln.text) or _near_byline(ln, window)):
            continue
        groups.setdefault(split_outlet(ln.text)[0].casefold(), []).append(ln)
    return list(groups.values())


def _near_byline(line: _Line, window: list[_Line]) -> bool:
    index = window.index(line)
    neighbours = window[max(0, index - 2) : index] + window[index + 1 : index + 3]
    return any(_is_byline(ln.text) for ln in neighbours) and cue.words(line.text) >= 4


def _byline_below(line: _Line, window: list[_Line]) -> bool:
    index = window.index(line)
    return any(_is_byline(ln.text) for ln in window[index + 1 : index + 3])


def _letter_words(text: str) -> int:
    return sum(any(ch.isalpha() for ch in word) for word in text.split())


def _dek_below(line: _Line, window: list[_Line]) -> bool:
    index = window.index(line)
    following = window[index + 1] if index + 1 < len(window) else None
    return (
        following is not None
        and not following.kinds
        and not _is_byline(following.text)
        and cue.words(following.text) >= 8
    )


def _title_score(group: list[_Line], window: list[_Line]) -> float:
    first = group[0]
    score = min(len(first.text) / 40, 2.0) - 0.05 * window.index(first)
    score += 3 if cue.looks_like_headline(first.text) else 0
    if any(_near_byline(ln, window) for ln in group):
        score += 4 if cue.looks_like_headline(first.text) else 2
    if cue.looks_like_headline(first.text):
        # Headlines sit above their byline and their dek; captions and quotes come after.
        score += 2 if any(_byline_below(ln, window) for ln in group) else 0
        score += 1.5 if _letter_words(first.text) >= 7 and _dek_below(first, window) else 0
    score += 5 if len(group) > 1 else 0
    score += 1 if any(split_outlet(ln.text)[1] for ln in group) else 0
    return score


def _is_byline(text: str) -> bool:
    t = normalize(text)
    if _BYLINE.match(t) or _DATELINE.match(t) or _ROLE.match(t):
        return True
    return cue.words(t) <= 12 and bool(_HAS_DATE.search(t)) and not t.endswith(".")


def _find_byline(
    content: list[_Line], title_number: int, dests: dict[int, Dest]
) -> tuple[str, str]:
    """Marks byline lines near the title, before the first paragraph; returns (author, outlet)."""
    author, outlet = "", ""
    start = next((i for i, ln in enumerate(content) if ln.number == title_number), 0)
    for ln in content[max(0, start - 3) : start + 8]:
        if ln.number in dests or ln.kinds:
            continue
        if cue.is_paragraph(ln.text) and ln.number > title_number:
            break
        if not _is_byline(ln.text):
            continue
        dests[ln.number] = Dest.BYLINE
        a, o = _author_and_outlet(normalize(ln.text))
        author, outlet = author or a, outlet or o
    return author, outlet


_WIRE_DATELINE = re.compile(r"^[A-Z][\w .,'’-]{1,60}\((AP|Reuters|AFP|UPI|dpa)\)\s*[—–-]")
_WIRES = {"AP": "Associated Press", "AFP": "Agence France-Presse", "dpa": "dpa"}


def _wire_outlet(blocks: list[Block]) -> str:
    """A wire story's outlet from its dateline: "WASHINGTON (AP) —" is the Associated Press."""
    for block in blocks[:3]:
        match = _WIRE_DATELINE.match(block.text)
        if match:
            return _WIRES.get(match[1], match[1])
    return ""


def _author_from_line(line: str) -> str:
    posted = re.match(r"^posted by (.+?)(?: at | on |$)", line, re.IGNORECASE)
    if posted:
        return posted[1].strip()
    pipe = re.match(r"^([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})\s*[|·•]", line)
    return pipe[1] if pipe else _author_and_outlet(line)[0]


def _author_and_outlet(line: str) -> tuple[str, str]:
    role = _ROLE.match(line)
    if role:
        return role["author"], ""
    match = _BYLINE.match(line)
    if not match:
        return "", ""
    rest = match["rest"]
    outlet = ""
    paren = re.search(r"\(([^)]{2,40})\)\s*$", rest)
    if paren:
        outlet, rest = paren[1].strip(), rest[: paren.start()].strip()
    for sep in (" | ", ", ", " - ", " — "):
        if sep in rest:
            head, tail = rest.rsplit(sep, 1)
            if _ROLE_WORDS.search(tail) or re.search(r"\d", tail):
                rest = head
            elif len(tail.split()) <= 4:
                rest, outlet = head, outlet or tail.strip()
            break
    return rest.strip(" ,"), outlet


def _find_thread_start(content: list[_Line], title_number: int) -> int:
    """The first line of the comment thread, or one past the end when there is none.

    A thread opens at a comments header or moderation notice after the body has begun; failing
    that, at a run of comment headers ("Posted by ...") that keeps recurring to the end, so one
    stray header-like line cannot swallow the article."""
    after = [ln for ln in content if ln.number > title_number]
    started = False
    for i, ln in enumerate(after):
        if started and _opens_thread(ln, after[i + 1 : i + 1 + _CUE_WINDOW]):
            return ln.number
        started = started or (not ln.kinds and cue.is_paragraph(ln.text))
    headers = [i for i, ln in enumerate(after) if COMMENT_HEADER in ln.kinds]
    for n, first in enumerate(headers):
        rest = [*headers[n:], len(after)]
        gaps = [b - a for a, b in itertools.pairwise(rest)]
        if len(rest) >= 4 and max(gaps) <= _MAX_COMMENT_LINES:
            return after[first].number
    return content[-1].number + 1 if content else 0


def _opens_thread(line: _Line, following: list[_Line]) -> bool:
    if NOTICE in line.kinds and _NAMES_COMMENTS.search(line.text):
        return True
    if THREAD_START not in line.kinds:
        return False
    if SECTION_LIKE in line.kinds:  # "Discussion" opens a thread only if comments follow
        return any(ln.kinds & _COMMENT_CUES for ln in following)
    return True


def _classify_article_zone(
    lines: list[_Line], dests: dict[int, Dest], author: str, title_number: int
) -> tuple[list[Block], list[StrippedSegment]]:
    open_lines = [ln for ln in lines if ln.number not in dests]
    paragraphs = [i for i, ln in enumerate(open_lines) if cue.is_paragraph(ln.text)]
    first_par = paragraphs[0] if paragraphs else len(open_lines)
    last_par = paragraphs[-1] if paragraphs else -1
    repeats = Counter(normalize(ln.text).casefold() for ln in open_lines)

    blocks, stripped = [], []
    in_list: Dest | None = None
    tail = set(paragraphs[-3:])
    for i, ln in enumerate(open_lines):
        dest, kind = _classify_line(
            ln, open_lines, i, first_par, last_par, repeats, title_number, author, in_list
        )
        if i in tail and dest == Dest.BODY and _is_author_bio(ln.text, author):
            dest = Dest.CHROME
        in_list = dest if _opens_or_continues_list(ln, dest, in_list) else None
        dests[ln.number] = dest
        if dest == Dest.BODY:
            blocks.append(Block(kind, ln.text, ln.number))
        elif dest in STRIPPED_KINDS:
            stripped.append(StrippedSegment(dest, ln.text, ln.number))
    return blocks, stripped


def _classify_line(
    ln: _Line,
    lines: list[_Line],
    i: int,
    first_par: int,
    last_par: int,
    repeats: Counter,
    title_number: int,
    author: str,
    in_list: Dest | None,
) -> tuple[Dest, BlockKind]:
    text = ln.text
    if Dest.BYLINE in ln.kinds or (COMMENT_HEADER in ln.kinds and not ln.kinds & STRIPPED_KINDS):
        return Dest.BYLINE, BlockKind.PARAGRAPH
    if not ln.kinds & STRIPPED_KINDS and cue.words(text) <= 14 and _is_byline(text):
        return Dest.BYLINE, BlockKind.PARAGRAPH
    if in_list and _list_entry(ln):
        return in_list, BlockKind.PARAGRAPH
    known = stripped_kind(ln.kinds)
    if known:
        return known, BlockKind.PARAGRAPH
    if cue.doubled_caption(text):
        return Dest.CREDIT, BlockKind.CAPTION
    if ln.number < title_number:
        return Dest.CHROME, BlockKind.PARAGRAPH
    if cue.is_paragraph(text):
        if text.startswith(">"):
            return Dest.BODY, BlockKind.BLOCKQUOTE
        return Dest.BODY, BlockKind.LIST_ITEM if cue.is_list_item(text) else BlockKind.PARAGRAPH
    if cue.is_list_item(text) and first_par <= i <= last_par + 1:
        return Dest.BODY, BlockKind.LIST_ITEM
    if cue.is_source_label(text) and first_par <= i < last_par:
        return Dest.BODY, BlockKind.PARAGRAPH
    if cue.is_timestamp(text) and i < last_par:
        return Dest.BODY, BlockKind.HEADING
    return _classify_short_line(ln, lines, i, first_par, last_par, repeats)


def _classify_short_line(
    ln: _Line, lines: list[_Line], i: int, first_par: int, last_par: int, repeats: Counter
) -> tuple[Dest, BlockKind]:
    text = ln.text
    n = cue.words(text)
    if repeats[normalize(text).casefold()] > 1 and n <= 6:
        return Dest.OTHER, BlockKind.PARAGRAPH
    if 0 <= last_par < i:
        return Dest.CHROME, BlockKind.PARAGRAPH
    if _in_data_block(lines, i):
        kind = BlockKind.LIST_ITEM if cue.is_data_line(text) else BlockKind.HEADING
        return Dest.BODY, kind
    if n <= 2 and not cue.ends_like_sentence(text):
        return Dest.OTHER, BlockKind.PARAGRAPH
    next_line = lines[i + 1].text if i + 1 < len(lines) else ""
    previous = lines[i - 1].text if i > 0 else ""
    if not cue.ends_like_sentence(text) and n <= 15 and cue.is_timestamp(previous):
        return Dest.BODY, BlockKind.HEADING  # a live-blog entry's headline
    if i < first_par:
        # Between the headline and the first paragraph: a standfirst reads as a sentence.
        if cue.ends_like_sentence(text) and n >= 6:
            return Dest.BODY, BlockKind.PARAGRAPH
        return Dest.OTHER, BlockKind.PARAGRAPH
    if not cue.ends_like_sentence(text) and n <= 15 and cue.is_paragraph(next_line):
        return Dest.BODY, BlockKind.HEADING
    if not cue.ends_like_sentence(text) and n >= 12:
        return Dest.CREDIT, BlockKind.CAPTION  # a long line that is not a sentence: a caption
    if cue.ends_like_sentence(text) and n >= 3:
        return Dest.BODY, BlockKind.PARAGRAPH
    return Dest.OTHER, BlockKind.PARAGRAPH


def _in_data_block(lines: list[_Line], i: int) -> bool:
    """A data line among others (a recipe card, a score box), or a short label heading one:
    article text, not page furniture."""
    line = lines[i]
    if line.kinds:
        return False
    nearby = [ln for ln in lines[i + 1 : i + 3] if not ln.kinds]
    if cue.is_data_line(line.text):
        around = [ln for ln in lines[max(0, i - 2) : i + 3] if ln is not line and not ln.kinds]
        return any(cue.is_data_line(ln.text) for ln in around)
    is_label = cue.words(line.text) <= 4 and not cue.ends_like_sentence(line.text)
    return is_label and any(cue.is_data_line(ln.text) for ln in nearby)


def _opens_or_continues_list(ln: _Line, dest: Dest, in_list: Dest | None) -> bool:
    if dest not in (Dest.RELATED, Dest.AD):
        return False
    if in_list == dest:
        return True
    header = cue.words(ln.text) <= 6 or ln.text.rstrip().endswith(":")
    return header and not _LONE_AD_LABEL.match(normalize(ln.text))


def _list_entry(ln: _Line) -> bool:
    """A teaser headline or link text in a related or sponsored list (a bare section name
    such as "Business" included; other known furniture is not)."""
    n = cue.words(ln.text)
    if ln.kinds - {"chrome"} or (ln.kinds and n > 1) or ln.text.rstrip().endswith(":"):
        return False
    return n <= 14 or (n <= 20 and not cue.is_paragraph(ln.text))


def _is_author_bio(text: str, author: str) -> bool:
    if not _BIO.match(text):
        return False
    if not author:
        return True
    names = {part for part in re.split(r"\s+and\s+|,\s*", author) if part}
    return any(text.startswith(name) or text.startswith(name.split()[-1]) for name in names)
