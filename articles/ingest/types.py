"""The frozen dataclasses that ingest returns and the importer persists."""

from dataclasses import dataclass, field
from enum import StrEnum


class Dest(StrEnum):
    """Where one source line went. Every line has exactly one."""

    BLANK = "blank"
    TITLE = "title"
    BYLINE = "byline"
    BODY = "body"
    AD = "ad"
    RELATED = "related"
    CHROME = "chrome"
    CREDIT = "credit"
    OTHER = "other"
    NOTICE = "notice"
    RULES = "rules"
    COMMENT = "comment"
    COMMENT_META = "comment_meta"


BLOCK_SEPARATOR = "\n\n"  # the canonical text is the blocks' text joined by this

# Stripped-segment kinds, strongest first: a line that reads as two kinds takes the first.
STRIPPED_PRIORITY = (Dest.AD, Dest.RELATED, Dest.CREDIT, Dest.CHROME, Dest.OTHER)
STRIPPED_KINDS = frozenset(STRIPPED_PRIORITY)


def stripped_kind(kinds) -> "Dest | None":
    """The stripped kind among a line's marker kinds, by STRIPPED_PRIORITY; None if none."""
    return next((kind for kind in STRIPPED_PRIORITY if kind in kinds), None)


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BLOCKQUOTE = "blockquote"
    LIST_ITEM = "list_item"
    CAPTION = "caption"


@dataclass(frozen=True)
class SourceLine:
    number: int  # 0-based
    text: str  # without its line ending
    ending: str  # "\n", "\r\n", "\r" or "" (last line)
    dest: Dest


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    line: int | None = None  # None when the source has no lines (HTML)


@dataclass(frozen=True)
class StrippedSegment:
    kind: Dest
    text: str
    line: int | None = None


@dataclass(frozen=True)
class ParsedComment:
    text: str
    removed: bool = False
    partially_removed: bool = False
    author: str = ""
    meta: tuple[str, ...] = ()  # header/footer lines such as "Posted by ... at ..."
    lines: tuple[int, ...] = ()  # every source line of the comment, meta included
    meta_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class CommentThread:
    notice: str = ""
    rules: str = ""
    notice_lines: tuple[int, ...] = ()
    rules_lines: tuple[int, ...] = ()
    comments: tuple[ParsedComment, ...] = ()


@dataclass(frozen=True)
class ParsedArticle:
    name: str
    title: str
    outlet: str = ""
    author: str = ""
    byline: str = ""
    url: str = ""
    encoding: str = "utf-8"
    blocks: tuple[Block, ...] = ()
    stripped: tuple[StrippedSegment, ...] = ()
    thread: CommentThread = field(default_factory=CommentThread)
    lines: tuple[SourceLine, ...] = ()
    raw_html: str = ""

    @property
    def comments(self) -> tuple[ParsedComment, ...]:
        return self.thread.comments

    @property
    def canonical_text(self) -> str:
        return BLOCK_SEPARATOR.join(block.text for block in self.blocks)

    def rebuild_source(self) -> str:
        """The decoded source, line by line, from the per-line record."""
        return "".join(line.text + line.ending for line in self.lines)
