from django.urls import path

from . import views

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("articles/<int:pk>/", views.article_detail, name="detail"),
    path("articles/<int:pk>/source/", views.article_source, name="source"),
    path("articles/<int:pk>/blocks/<int:block_id>/strip/", views.block_strip, name="block-strip"),
    path(
        "articles/<int:pk>/stripped/<int:segment_id>/restore/",
        views.segment_restore,
        name="segment-restore",
    ),
    path(
        "articles/<int:pk>/comments/<int:comment_id>/restore/",
        views.comment_restore,
        name="comment-restore",
    ),
    path(
        "articles/<int:pk>/reclassifications/<int:reclassification_id>/undo/",
        views.reclassification_undo,
        name="reclassification-undo",
    ),
]
