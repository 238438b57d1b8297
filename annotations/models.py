from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Article

from .anchoring import CONTEXT_LENGTH


class AnnotationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def in_text_order(self):
        return self.order_by("start", "-end", "pk")


class Annotation(models.Model):
    class Tag(models.TextChoices):
        CLAIM = "claim", "Claim"
        QUOTE = "quote", "Quote"
        OPINION = "opinion", "Opinion"

    class Status(models.TextChoices):
        ANCHORED = "anchored", "Anchored"
        NEEDS_REVIEW = "needs_review", "Needs review"
        ORPHANED = "orphaned", "Orphaned"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="annotations"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="annotations")
    tag = models.CharField(max_length=10, choices=Tag.choices)
    note = models.TextField(blank=True, max_length=5000)
    start = models.PositiveIntegerField(help_text="Code point offset in the canonical text.")
    end = models.PositiveIntegerField()
    exact = models.TextField(help_text="The quoted text; follows the text when a highlight moves.")
    original_exact = models.TextField(blank=True, help_text="The quote as first made.")
    prefix = models.CharField(max_length=CONTEXT_LENGTH, blank=True)
    suffix = models.CharField(max_length=CONTEXT_LENGTH, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ANCHORED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnotationQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "-end", "pk"]
        indexes = [
            models.Index(fields=["user", "article", "start"]),
            models.Index(fields=["user", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="annotation_span")
        ]

    def __str__(self) -> str:
        return f"{self.get_tag_display()}: {self.exact[:60]}"
