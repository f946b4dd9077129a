from django.urls import path

from coproduce.story import views

app_name = "story"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("my-story.pdf", views.mine_pdf, name="mine_pdf"),
    path("people/<int:membership_id>/", views.person, name="person"),
    path("people/<int:membership_id>/story.pdf", views.person_pdf, name="person_pdf"),
    path("projects/<int:project_id>/mentors/", views.mentoring, name="mentoring"),
]
