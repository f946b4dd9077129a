from django.urls import path

from coproduce.credits import views

app_name = "credits"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("me/", views.me, name="me"),
    path("give/", views.give, name="give"),
    path("export.csv", views.export_csv, name="export"),
    path("award/", views.award, name="award"),
    path("import/", views.hours_import, name="import"),
    path("rewards/add/", views.reward_add, name="reward_add"),
    path("rewards/<int:reward_id>/book/", views.redeem, name="redeem"),
    path("bookings/<int:redemption_id>/cancel/", views.redemption_cancel, name="cancel"),
    path("sessions/<int:session_id>/issue/", views.session_issue, name="session_issue"),
    path("check-in/<str:token>/", views.check_in, name="check_in"),
    path("accreditation/add/", views.accreditation_add, name="accreditation_add"),
    path("certificates/<int:recognition_id>.pdf", views.certificate, name="certificate"),
]
