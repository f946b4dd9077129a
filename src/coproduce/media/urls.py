from django.urls import path

from coproduce.media import views

app_name = "media"
urlpatterns = [
    path("", views.media_list, name="list"),
    path("add/", views.media_add, name="add"),
    path("<int:media_id>/file/", views.media_file, name="file"),
    path("<int:media_id>/delete/", views.media_delete, name="delete"),
]
