from django.urls import path

from coproduce.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("add/", views.project_add, name="add"),
    path("settings/", views.settings_edit, name="settings"),
    path("my-ideas/", views.my_ideas, name="my_ideas"),
    path("my-ideas/add/", views.my_idea_add, name="my_idea_add"),
    path("board/", views.organisation_board, name="organisation_board"),
    path("public/<slug:organisation_slug>/", views.public_board, name="public_board"),
    path("get-involved/", views.get_involved, name="get_involved"),
    path("<int:project_id>/join/", views.join, name="join"),
    path(
        "join-requests/<int:join_request_id>/",
        views.join_request_answer,
        name="join_request_answer",
    ),
    path("sessions/<int:session_id>/calendar.ics", views.session_calendar, name="session_calendar"),
    path("sessions/<int:session_id>/cant-come/", views.cant_come, name="cant_come"),
    path("my-journey/", views.my_journey, name="my_journey"),
    path("journey/<int:membership_id>/", views.journey, name="journey"),
    path("<int:project_id>/", views.project_detail, name="detail"),
    path("<int:project_id>/change/", views.project_edit, name="edit"),
    path("<int:project_id>/ideas/", views.project_ideas, name="ideas"),
    path("<int:project_id>/sessions/", views.project_sessions, name="sessions"),
    path("<int:project_id>/people/", views.project_people, name="people"),
    path("<int:project_id>/checklist/", views.project_stage, name="stage"),
    path("<int:project_id>/roles/add/", views.role_add, name="role_add"),
    path("<int:project_id>/sessions/add/", views.session_add, name="session_add"),
    path("<int:project_id>/ideas/add/", views.idea_add, name="idea_add"),
    path("<int:project_id>/board/", views.board, name="board"),
    path("<int:project_id>/hours/add/", views.hours_add, name="hours_add"),
    path(
        "<int:project_id>/taking-part/<int:membership_id>/", views.inclusion_edit, name="inclusion"
    ),
    path("sessions/<int:session_id>/register/", views.session_register, name="register"),
    path("ideas/<int:idea_id>/answer/", views.idea_respond, name="respond"),
]
