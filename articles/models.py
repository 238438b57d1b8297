from collections.abc import Iterator

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.urls import reverse

from .ingest.types import BLOCK_SEPARATOR


class ArticleQuerySet(models.QuerySet):
    def for_listing(self):
        return self.defer("raw_source", "line_destinations", "search_vector")


class Article(models.Model):
    class Format(models.TextChoices):
        TEXT = "text", "Scraped text"
        HTML = "html", "HTML"

    identity = models.CharField(
        max_length=1000, unique=True, help_text="Canonical URL when known, else the file name."
    )
    title = models.TextField()
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=500, blank=True)
    byline = models.TextField(blank=True)
    url = models.URLField(max_length=2000, blank=True)
    source_name = models.CharField(max_length=500)
    source_format = models.CharField(max_length=10, choices=Format.choices)
    raw_source = models.TextField(help_text="The decoded source, verbatim.")
    encoding = models.CharField(max_length=20)
    sha256 = models.CharField(max_length=64, help_text="Of the source file's bytes.")
    canonical_text = models.TextField(help_text='Body blocks joined by "\\n\\n".')
    line_destinations = models.JSONField(
        default=list, help_text="Where each source line went, in order."
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="english")
        + SearchVector("canonical_text", weight="B", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-imported_at", "-pk"]
        indexes = [
            models.Index(fields=["outlet"]),
            models.Index(fields=["-imported_at"]),
            GinIndex(fields=["search_vector"], name="article_search_gin"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    @property
    def reading_minutes(self) -> int:
        return max(1, round(len(self.canonical_text.split()) / 230))

    def source_lines(self) -> list[tuple[str, str]]:
        """(destination, text) for every source line, for the source view and rebuilding."""
        from articles.ingest.lines import split_lines

        texts = [text for text, _ in split_lines(self.raw_source)]
        return list(zip(self.line_destinations, texts, strict=True))


class Block(models.Model):
    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph"
        HEADING = "heading"
        BLOCKQUOTE = "blockquote"
        LIST_ITEM = "list_item", "List item"
        CAPTION = "caption"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset in the canonical text (code points).")
    source_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="block_unique_position")
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @staticmethod
    def layout(parts) -> Iterator[tuple[int, str, str, int, int | None]]:
        """(position, kind, text, start, source line) for each (kind, text, source line) in
        order; start is the offset in the canonical text (the texts joined by BLOCK_SEPARATOR)."""
        offset = 0
        for position, (kind, text, line) in enumerate(parts):
            yield position, kind, text, offset, line
            offset += len(text) + len(BLOCK_SEPARATOR)

    @classmethod
    def laid_out(cls, article: Article, parts) -> list["Block"]:
        """Unsaved blocks for (kind, text, source line) in order, placed as layout() says."""
        return [
            cls(article=article, position=p, kind=kind, text=text, start=start, source_line=line)
            for p, kind, text, start, line in cls.layout(parts)
        ]


class StrippedSegment(models.Model):
    class Kind(models.TextChoices):
        AD = "ad", "Ad"
        RELATED = "related", "Related link"
        CHROME = "chrome", "Site chrome"
        CREDIT = "credit", "Photo caption or credit"
        OTHER = "other", "Other"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="stripped")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    source_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["article", "position"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text[:60]}"


class CommentThread(models.Model):
    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="thread")
    notice = models.TextField(blank=True)
    rules = models.TextField(blank=True)
    notice_lines = models.JSONField(default=list)
    rules_lines = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"Comments on {self.article}"


class Comment(models.Model):
    thread = models.ForeignKey(CommentThread, on_delete=models.CASCADE, related_name="comments")
    position = models.PositiveIntegerField()
    text = models.TextField()
    author = models.CharField(max_length=200, blank=True)
    meta = models.JSONField(default=list, help_text="Header and footer lines.")
    removed = models.BooleanField(default=False)
    partially_removed = models.BooleanField(default=False)
    source_lines = models.JSONField(default=list)

    class Meta:
        ordering = ["thread", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class ReclassificationQuerySet(models.QuerySet):
    def applied(self):
        return self.filter(undone_at__isnull=True, superseded_at__isnull=True)


class Reclassification(models.Model):
    """One manual move between body, stripped segments and comments, with what undoes it."""

    class Action(models.TextChoices):
        BLOCK_TO_STRIPPED = "block_to_stripped", "Body block moved to stripped"
        STRIPPED_TO_BODY = "stripped_to_body", "Stripped segment restored to body"
        COMMENT_TO_BODY = "comment_to_body", "Comment restored to body"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="reclassifications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    kind = models.CharField(max_length=20, blank=True, help_text="Stripped kind, when one.")
    text = models.TextField(help_text="The text that moved.")
    change = models.JSONField(help_text="Rows and line destinations removed and added.")
    source_sha256 = models.CharField(max_length=64, help_text="The article's source when applied.")
    reanchored = models.JSONField(default=dict, help_text="Highlights per re-anchoring outcome.")
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    superseded_at = models.DateTimeField(
        null=True, blank=True, help_text="When a re-import no longer had this text."
    )

    objects = ReclassificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["article", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.text[:60]}"

    @property
    def is_applied(self) -> bool:
        return self.undone_at is None and self.superseded_at is None
