from django.urls import path

from coproduce.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("projects/<int:project_id>/check-in/", views.take, name="take"),
    path("projects/<int:project_id>/", views.project, name="project"),
    path("settings/", views.settings_page, name="settings"),
    path("portfolio/", views.portfolio, name="portfolio"),
]
