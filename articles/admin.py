from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html

from .models import Article, Block, Comment, CommentThread, Reclassification, StrippedSegment


class BlockInline(admin.TabularInline):
    model = Block
    fields = ["position", "kind", "text", "source_line"]
    extra = 0


class StrippedSegmentInline(admin.TabularInline):
    model = StrippedSegment
    fields = ["position", "kind", "text", "source_line"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "author", "source_format", "imported_at", "updated_at"]
    list_filter = ["outlet", "source_format", "imported_at"]
    search_fields = ["title", "identity", "author", "outlet"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = [
        "source_view",
        "sha256",
        "imported_at",
        "updated_at",
        "encoding",
        "identity",
    ]
    inlines = [BlockInline, StrippedSegmentInline]

    @admin.display(description="Source view")
    def source_view(self, article: Article) -> str:
        if not article.pk:
            return "-"
        url = reverse("articles:source", args=[article.pk])
        return format_html('<a href="{}">Every source line and where it went</a>', url)


@admin.register(StrippedSegment)
class StrippedSegmentAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "article", "source_line"]
    list_filter = ["kind"]
    search_fields = ["text"]
    list_select_related = ["article"]


class CommentInline(admin.TabularInline):
    model = Comment
    fields = ["position", "author", "text", "removed", "partially_removed"]
    extra = 0


@admin.register(CommentThread)
class CommentThreadAdmin(admin.ModelAdmin):
    list_display = ["article", "notice"]
    inlines = [CommentInline]
    list_select_related = ["article"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["text", "author", "removed", "partially_removed", "thread"]
    list_filter = ["removed", "partially_removed"]
    search_fields = ["text", "author"]


@admin.register(Reclassification)
class ReclassificationAdmin(admin.ModelAdmin):
    """The history of manual moves; made and undone from the source view, never here."""

    list_display = ["created_at", "action", "kind", "short_text", "article", "user", "undone_at"]
    list_filter = [
        "action",
        "kind",
        "created_at",
        ("undone_at", admin.EmptyFieldListFilter),
        ("superseded_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["text", "article__title", "user__username"]
    list_select_related = ["article", "user"]
    date_hierarchy = "created_at"

    @admin.display(description="Text")
    def short_text(self, record: Reclassification) -> str:
        return record.text[:80]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
