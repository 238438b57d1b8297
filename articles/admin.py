from django.contrib import admin

from .models import Article, Block, Comment, CommentThread, StrippedSegment


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
    readonly_fields = ["sha256", "imported_at", "updated_at", "encoding", "identity"]
    inlines = [BlockInline, StrippedSegmentInline]


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
