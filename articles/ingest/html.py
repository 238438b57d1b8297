"""HTML pages to a `ParsedArticle`, through trafilatura.

Input: the decoded page; parse_article detects the encoding from the bytes (UTF-8, BOM,
Windows-1252), never from a `<meta charset>`, which scrapers often get wrong. trafilatura finds
the main text and the comment section; the markers table then strips ad labels it lets through,
and figure captions are kept as credits. The raw HTML is kept verbatim. It does not run scripts
or fetch.
"""

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from .comments import split_comment_thread
from .decoding import IngestError
from .markers import REMOVED, match_markers, normalize
from .text import split_outlet
from .types import (
    Block,
    BlockKind,
    CommentThread,
    Dest,
    ParsedArticle,
    ParsedComment,
    StrippedSegment,
    stripped_kind,
)

_BLOCK_TAGS = {"p": BlockKind.PARAGRAPH, "head": BlockKind.HEADING, "quote": BlockKind.BLOCKQUOTE}
_COMMENT_ITEM_CLASSES = {"comment", "comment-item", "comment-entry", "user-comment", "js-comment"}
_THREAD_NOTICE = re.compile(r"\bcomments?[-_](?:policy|rules|guidelines|notice)\b", re.IGNORECASE)
_AUTHOR_CLASS = re.compile(r"author|user|name|handle", re.IGNORECASE)
_META_CLASS = re.compile(r"date|time|meta|reply|actions|likes|votes", re.IGNORECASE)
_ROLE = re.compile(r"\b(?:staff|writer|reporter|editor|correspondent|columnist)\b", re.IGNORECASE)


def parse_html(text: str, *, name: str, encoding: str) -> ParsedArticle:
    # One extraction gives both the metadata and the XML of the main text and comments.
    doc = trafilatura.extract_with_metadata(text, include_comments=True, output_format="xml")
    if doc is None or not doc.text:
        raise IngestError("no article text found in the HTML")
    meta = doc.as_dict()
    tree = etree.fromstring(doc.text.encode("utf-8"))
    page = lxml_html.fromstring(text.encode("utf-8"))
    blocks, stripped = _main_blocks(tree.find("main"))
    stripped += [StrippedSegment(Dest.CREDIT, caption) for caption in _captions(page)]
    if not blocks:
        raise IngestError("no article text found in the HTML")
    title, outlet = _title_and_outlet(meta, text)
    return ParsedArticle(
        name=name,
        title=title,
        outlet=outlet,
        author=_author(meta.get("author") or ""),
        byline=meta.get("author") or "",
        url=meta.get("url") or "",
        encoding=encoding,
        blocks=tuple(blocks),
        stripped=tuple(stripped),
        thread=_comments(page, tree.find("comments")),
        raw_html=text,
    )


def _main_blocks(main) -> tuple[list[Block], list[StrippedSegment]]:
    blocks, stripped = [], []
    if main is None:
        return blocks, stripped
    for element in main.iter("p", "head", "quote", "item"):
        if element.tag != "item" and element.getparent().tag in {"quote", "item"}:
            continue
        content = normalize("".join(element.itertext()))
        if not content:
            continue
        kind = stripped_kind(match_markers(content))
        if kind:
            stripped.append(StrippedSegment(kind, content))
        else:
            blocks.append(Block(_BLOCK_TAGS.get(element.tag, BlockKind.LIST_ITEM), content))
    return blocks, stripped


def _captions(page) -> list[str]:
    captions = (normalize(fig.text_content()) for fig in page.iter("figcaption"))
    return [c for c in captions if c]


def _title_and_outlet(meta: dict, text: str) -> tuple[str, str]:
    title = normalize(meta.get("title") or "")
    title, outlet = split_outlet(title)
    site = re.search(
        r"<meta[^>]+property=[\"']og:site_name[\"'][^>]+content=[\"']([^\"']+)", text, re.I
    )
    outlet = (site[1].strip() if site else "") or outlet
    if not outlet:
        tag = re.search(r"<title[^>]*>([^<]+)</title>", text, re.I)
        outlet = split_outlet(tag[1])[1] if tag else ""
    if not outlet and meta.get("sitename") and "." not in meta["sitename"]:
        outlet = meta["sitename"]
    return title or "Untitled", outlet


def _author(raw: str) -> str:
    names = [part.strip() for part in raw.split(";") if part.strip() and not _ROLE.search(part)]
    return " and ".join(names)


def _comments(page, extracted) -> CommentThread:
    """Comments from the page's own comment items when it marks them, else trafilatura's."""
    elements = [el for el in page.iter() if isinstance(el.tag, str)]
    items = [el for el in elements if _is_comment_item(el)]
    if items:
        notice = next(
            (
                normalize(el.text_content())
                for el in elements
                if _THREAD_NOTICE.search(el.get("class", ""))
            ),
            "",
        )
        item_set = set(items)
        comments = tuple(_comment_from_element(el, item_set) for el in items)
        return CommentThread(notice=notice, comments=comments)
    if extracted is None:
        return CommentThread()
    lines = [normalize("".join(el.itertext())) for el in extracted]
    _, thread = split_comment_thread([(i, line) for i, line in enumerate(lines) if line])
    return thread


def _is_comment_item(element) -> bool:
    classes = set(element.get("class", "").lower().split())
    return bool(classes & _COMMENT_ITEM_CLASSES) or element.get("itemtype", "").endswith("/Comment")


def _comment_from_element(element, items: set) -> ParsedComment:
    """One comment's own text: replies nested inside it are comments of their own."""
    author, meta, texts = "", [], []
    for child in element.iter():
        if not isinstance(child.tag, str) or child is element:
            continue
        if _nearest_item(child, items) is not element:
            continue
        classes = child.get("class", "")
        content = normalize(child.text_content())
        if not content:
            continue
        if not author and _AUTHOR_CLASS.search(classes):
            author = content
        elif _META_CLASS.search(classes):
            meta.append(content)
        elif child.tag in {"p", "blockquote", "li"} and not _has_block_ancestor(child, element):
            texts.append(content)
    if not texts:
        texts = [normalize(element.text_content())]
    body = "\n".join(texts)
    removed = all(REMOVED in match_markers(t) for t in texts)
    return ParsedComment(text=body, removed=removed, author=author, meta=tuple(meta))


def _nearest_item(child, items: set):
    return next((a for a in child.iterancestors() if a in items), None)


def _has_block_ancestor(child, stop) -> bool:
    for ancestor in child.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in {"p", "blockquote", "li"}:
            return True
    return False
