from django.urls import path

from . import views

app_name = "annotations"
urlpatterns = [
    path("annotations/", views.annotation_list, name="annotation-list"),
    path("annotations/export/<str:fmt>/", views.annotation_export, name="annotation-export"),
    path(
        "articles/<int:article_id>/annotations/",
        views.annotation_create,
        name="annotation-create",
    ),
    path("annotations/<int:pk>/", views.annotation_edit, name="annotation-edit"),
    path("annotations/<int:pk>/update/", views.annotation_update, name="annotation-update"),
    path("annotations/<int:pk>/delete/", views.annotation_delete, name="annotation-delete"),
    path("annotations/<int:pk>/review/", views.annotation_review, name="annotation-review"),
]
