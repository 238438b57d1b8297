from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article

from .creating import EmptySelection, create_annotation
from .export import FORMATS
from .filters import AnnotationFilterForm, filter_annotations, scope_name
from .forms import AnnotationCreateForm, AnnotationEditForm
from .models import Annotation
from .reading import reader_context, shorten
from .reviewing import confirm_placement, reject_placement


def _reader(
    request: HttpRequest, article: Article, status: str, *, undo=None, focus_id=None
) -> HttpResponse:
    if not request.htmx:
        return redirect(article)
    context = reader_context(article, request.user) | {
        "status": status,
        "undo": undo,
        "focus_id": focus_id,
    }
    return render(request, "annotations/_reader.html", context)


def _own(request: HttpRequest, pk: int, **conditions) -> Annotation:
    """The signed-in user's highlight, with its article; 404 for anyone else's."""
    owned = Annotation.objects.select_related("article").filter(user=request.user)
    return get_object_or_404(owned, pk=pk, **conditions)


@require_POST
def annotation_create(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    form = AnnotationCreateForm(request.POST)
    if not form.is_valid():
        message = " ".join(e for errors in form.errors.values() for e in errors)
        return _reader(request, article, f"Not saved: {message}")
    try:
        annotation, created = create_annotation(
            user=request.user, article=article, **form.cleaned_data
        )
    except EmptySelection as exc:
        return _reader(request, article, f"Not saved: {exc}")
    label = annotation.get_tag_display().lower()
    done = "Highlighted" if created else "Already highlighted"
    status = f"{done} as {label}: “{shorten(annotation.exact, 60)}”"
    return _reader(request, article, status, focus_id=annotation.pk)


@require_GET
def annotation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _own(request, pk)
    also_ids = [int(i) for i in request.GET.get("also", "").split(",") if i.isdigit()]
    also = (
        Annotation.objects.for_user(request.user)
        .filter(pk__in=also_ids, article=annotation.article)
        .exclude(pk=pk)
    )
    form = AnnotationEditForm(instance=annotation)
    return render(
        request,
        "annotations/_editor.html",
        {"annotation": annotation, "form": form, "also": also},
    )


@require_POST
def annotation_update(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _own(request, pk)
    form = AnnotationEditForm(request.POST, instance=annotation)
    if not form.is_valid():
        context = {"annotation": annotation, "form": form}
        return render(request, "annotations/_editor.html", context)
    form.save()
    status = f"Saved as {annotation.get_tag_display().lower()}."
    return _reader(request, annotation.article, status, focus_id=annotation.pk)


@require_POST
def annotation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _own(request, pk)
    article = annotation.article
    undo = {
        "tag": annotation.tag,
        "start": annotation.start,
        "end": annotation.end,
        "note": annotation.note,
    }
    annotation.delete()
    return _reader(
        request, article, f"Deleted highlight “{shorten(annotation.exact, 60)}”.", undo=undo
    )


@require_POST
def annotation_review(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _own(request, pk, status=Annotation.Status.NEEDS_REVIEW)
    decision = request.POST.get("decision")
    if decision == "confirm":
        confirm_placement(annotation)
        status = f"Kept at its new place: “{shorten(annotation.exact, 60)}”."
    elif decision == "reject":
        reject_placement(annotation)
        status = "Set aside with the highlights that could not be placed."
    else:
        return HttpResponseBadRequest("decision must be confirm or reject")
    return _reader(request, annotation.article, status, focus_id=annotation.pk)


@require_GET
def annotation_list(request: HttpRequest) -> HttpResponse:
    form = AnnotationFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    annotations = filter_annotations(request.user, data).select_related("article", "user")
    page = Paginator(annotations, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "formats": [(name, export.label) for name, export in FORMATS.items()],
    }
    return render(request, "annotations/annotation_list.html", context)


@require_GET
def annotation_export(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    if fmt not in FORMATS:
        raise Http404("Unknown export format")
    form = AnnotationFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest("Invalid filters: " + form.errors.as_text())
    data = form.cleaned_data
    export = FORMATS[fmt]
    scope = scope_name(data)
    rows = export.rows(filter_annotations(request.user, data))
    response = StreamingHttpResponse(
        export.chunks(rows, f"Newsreader annotations: {scope}"), content_type=export.content_type
    )
    filename = f"newsreader-annotations-{scope}-{timezone.now():%Y-%m-%d}.{export.extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
