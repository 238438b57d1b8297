from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from annotations.models import Annotation
from annotations.reading import reading_context

from . import reclassifying
from .diagnosis import source_context
from .forms import ReclassifyForm, StripForm
from .models import Article, Reclassification, StrippedSegment

PAGE_SIZE = 20
SORTS = {
    "date": ("-imported_at", "-pk"),
    "title": ("title", "pk"),
    "highlights": ("-highlight_count", "-imported_at", "-pk"),
}
# Sentinels that cannot occur in stored text mark search hits; the rest is escaped first.
_HIT_START, _HIT_STOP = "\u0002", "\u0003"


def _listing(request: HttpRequest, query: str, sort: str):
    mine = Q(annotations__user=request.user)
    articles = Article.objects.for_listing().annotate(
        highlight_count=Count("annotations", filter=mine),
        **{
            f"{tag}_count": Count("annotations", filter=mine & Q(annotations__tag=tag))
            for tag in Annotation.Tag.values
        },
    )
    if query:
        search = SearchQuery(query, search_type="websearch", config="english")
        articles = (
            articles.filter(search_vector=search)
            .annotate(
                rank=SearchRank(F("search_vector"), search),
                snippet=SearchHeadline(
                    "canonical_text",
                    search,
                    config="english",
                    start_sel=_HIT_START,
                    stop_sel=_HIT_STOP,
                    max_fragments=2,
                ),
            )
            .order_by("-rank", "-pk")
        )
        if sort in SORTS and "sort" in request.GET:
            articles = articles.order_by(*SORTS[sort])
        return articles
    return articles.order_by(*SORTS.get(sort, SORTS["date"]))


def highlight_hits(snippet: str) -> str:
    escaped = str(escape(snippet.replace("\n", " ")))
    return mark_safe(escaped.replace(_HIT_START, "<mark>").replace(_HIT_STOP, "</mark>"))  # noqa: S308


@vary_on_headers("HX-Request")
def article_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    sort = request.GET.get("sort", "date")
    sort = sort if sort in SORTS else "date"
    page = Paginator(_listing(request, query, sort), PAGE_SIZE).get_page(request.GET.get("page"))
    for article in page:
        article.snippet_html = highlight_hits(getattr(article, "snippet", "") or "")
    context = {
        "page": page,
        "query": query,
        "sort": sort,
        "sorts": [("date", "Newest"), ("title", "Title"), ("highlights", "Most highlights")],
        "total": Article.objects.count() if not query else None,
    }
    template = "articles/_article_rows.html" if request.htmx else "articles/article_list.html"
    return render(request, template, context)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    return render(request, "articles/article_detail.html", reading_context(article, request.user))


def staff_required(view):
    """Staff-only pages answer 404 to everyone else, so they do not reveal themselves."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@staff_required
def article_source(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    return render(request, "articles/article_source.html", source_context(article))


@require_POST
@staff_required
def block_strip(request: HttpRequest, pk: int, block_id: int) -> HttpResponse:
    form = StripForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Not moved: choose what kind of text the block is.")
        return _back(request, pk, "source")
    kind, back = form.cleaned_data["kind"], form.cleaned_data["back"]
    return _reclassify(
        request, pk, back, lambda a: reclassifying.strip_block(a, block_id, kind, user=request.user)
    )


@require_POST
@staff_required
def segment_restore(request: HttpRequest, pk: int, segment_id: int) -> HttpResponse:
    return _reclassify(
        request,
        pk,
        _back_choice(request),
        lambda a: reclassifying.restore_segment(a, segment_id, user=request.user),
    )


@require_POST
@staff_required
def comment_restore(request: HttpRequest, pk: int, comment_id: int) -> HttpResponse:
    return _reclassify(
        request,
        pk,
        _back_choice(request),
        lambda a: reclassifying.restore_comment(a, comment_id, user=request.user),
    )


@require_POST
@staff_required
def reclassification_undo(request: HttpRequest, pk: int, reclassification_id: int) -> HttpResponse:
    return _reclassify(
        request,
        pk,
        _back_choice(request),
        lambda a: reclassifying.undo_reclassification(a, reclassification_id, user=request.user),
        undo=True,
    )


def _back_choice(request: HttpRequest) -> str:
    form = ReclassifyForm(request.POST)
    return form.cleaned_data["back"] if form.is_valid() else "source"


def _reclassify(
    request: HttpRequest,
    pk: int,
    back: str,
    change: Callable[[Article], reclassifying.Done],
    *,
    undo: bool = False,
) -> HttpResponse:
    """Make one change to article `pk`, say how it went, and go back where the form was."""
    article = get_object_or_404(Article.objects.only("pk"), pk=pk)
    try:
        done = change(article)
    except reclassifying.ReclassifyError as exc:
        messages.error(request, f"Nothing changed: {exc}")
    else:
        messages.success(request, describe(done, undo=undo))
    return _back(request, pk, back)


def _back(request: HttpRequest, pk: int, back: str) -> HttpResponse:
    name = "articles:detail" if back == "detail" else "articles:source"
    url = reverse(name, args=[pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def describe(done: reclassifying.Done, *, undo: bool = False) -> str:
    record = done.record
    quote = Truncator(record.text.replace("\n", " ")).chars(80)
    if undo:
        what = f"Undone: {record.get_action_display().lower()}"
    elif record.action == Reclassification.Action.BLOCK_TO_STRIPPED:
        what = f"Moved out of the body as {StrippedSegment.Kind(record.kind).label.lower()}"
    else:
        what = "Restored to the body"
    outcomes = ", ".join(f"{n} {o.replace('_', ' ')}" for o, n in done.reanchored.items() if n)
    highlights = (
        f"Highlights re-anchored: {outcomes}." if outcomes else "No highlights to re-anchor."
    )
    return f"{what}: “{quote}”. {highlights}"
