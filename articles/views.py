from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.vary import vary_on_headers

from annotations.models import Annotation
from annotations.reading import reading_context

from .models import Article

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
