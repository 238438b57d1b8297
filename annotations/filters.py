"""Which annotations a listing or an export covers: one form, one queryset, one scope name."""

import datetime as dt

from django import forms
from django.db.models import Q, QuerySet

from .models import Annotation


class AnnotationFilterForm(forms.Form):
    tag = forms.ChoiceField(choices=[("", "All tags"), *Annotation.Tag.choices], required=False)
    article = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    outlet = forms.CharField(required=False, max_length=200)
    since = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(required=False, max_length=200, label="Text")
    everyone = forms.BooleanField(required=False, label="Everyone's (staff)")


def filter_annotations(user, data: dict) -> QuerySet:
    """The user's annotations narrowed by cleaned filter data; staff may ask for everyone's.
    `user=None` (management commands) means everyone's."""
    annotations = Annotation.objects.all()
    if user is not None and not (data.get("everyone") and user.is_staff):
        annotations = annotations.filter(user=user)
    if data.get("tag"):
        annotations = annotations.filter(tag=data["tag"])
    if data.get("article"):
        annotations = annotations.filter(article_id=data["article"])
    if data.get("outlet"):
        annotations = annotations.filter(article__outlet__iexact=data["outlet"])
    if data.get("since"):
        annotations = annotations.filter(created_at__gte=_day_start(data["since"]))
    if data.get("until"):
        annotations = annotations.filter(created_at__lt=_day_start(data["until"] + dt.timedelta(1)))
    if data.get("q"):
        q = data["q"]
        annotations = annotations.filter(Q(exact__icontains=q) | Q(note__icontains=q))
    return annotations.order_by("article_id", "start", "-end", "pk")


def scope_name(data: dict) -> str:
    """A file-name-safe description of the filters: "article-12-claim", "all"."""
    parts = []
    if data.get("everyone"):
        parts.append("everyone")
    if data.get("article"):
        parts.append(f"article-{data['article']}")
    for key in ("tag", "outlet", "q"):
        if data.get(key):
            parts.append("".join(c if c.isalnum() else "-" for c in str(data[key]))[:30])
    if data.get("since"):
        parts.append(f"since-{data['since']:%Y-%m-%d}")
    if data.get("until"):
        parts.append(f"until-{data['until']:%Y-%m-%d}")
    return "-".join(parts) or "all"


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
