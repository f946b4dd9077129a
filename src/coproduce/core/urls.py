"""Pages of the foundation mounted at /files/ (see CoreConfig.url_prefix)."""

from django.urls import path

from coproduce.core.downloads import views

app_name = "core"
urlpatterns = [
    path("<int:prepared_file_id>/", views.status, name="prepared_file"),
    path("<int:prepared_file_id>/download", views.download, name="prepared_file_download"),
    path("<int:prepared_file_id>/retry", views.retry, name="prepared_file_retry"),
]
