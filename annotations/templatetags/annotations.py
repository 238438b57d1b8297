from django import template
from django.utils.safestring import SafeString, mark_safe

from articles.ingest.sanitize import linkify

register = template.Library()


@register.filter
def linkify_note(note: str) -> SafeString:
    return mark_safe(linkify(note))  # noqa: S308 -- escaped, then linked by bleach
