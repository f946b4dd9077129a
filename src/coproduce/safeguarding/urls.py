from django.urls import path

from coproduce.safeguarding import views

app_name = "safeguarding"
urlpatterns = [
    path("", views.index, name="index"),
    path("concerns/new/", views.new, name="new"),
    path("concerns/<int:concern_id>/", views.concern, name="concern"),
    path("concerns/<int:concern_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("concerns/<int:concern_id>/actions/new/", views.action_add, name="action_add"),
    path("concerns/<int:concern_id>/close/", views.close, name="close"),
    path("people/<int:membership_id>/chronology/", views.chronology, name="chronology"),
    path("people/<int:membership_id>/welfare/", views.welfare, name="welfare"),
    path("people/<int:membership_id>/welfare/edit/", views.welfare_edit, name="welfare_edit"),
    path("sessions/<int:session_id>/risk/", views.risk, name="risk"),
    path("sessions/<int:session_id>/risk/sign-off/", views.sign_off, name="sign_off"),
    path("sessions/<int:session_id>/risk/ready/", views.ready, name="ready"),
    path("sessions/<int:session_id>/sheet/", views.sheet, name="sheet"),
    path("sessions/<int:session_id>/staff/", views.session_staff, name="session_staff"),
    path("checklist/", views.checklist, name="checklist"),
    path("team/", views.team, name="team"),
    path("settings/", views.safeguarding_settings, name="settings"),
]
