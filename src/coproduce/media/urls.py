from django.urls import path

from coproduce.media import offer_views, views

app_name = "media"
urlpatterns = [
    path("", views.media_list, name="list"),
    path("add/", views.media_add, name="add"),
    path("<int:media_id>/file/", views.media_file, name="file"),
    path("<int:media_id>/delete/", views.media_delete, name="delete"),
    path("<int:media_id>/approve/", offer_views.approve, name="approve"),
    path("sessions/<int:session_id>/add/", offer_views.offer, name="offer"),
]
