from django.urls import path

from coproduce.credits import booking_views, check_in_views, settings_views, views

app_name = "credits"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("me/", views.me, name="me"),
    path("settings/", settings_views.credit_settings, name="settings"),
    path("give/", views.give, name="give"),
    path("export.csv", views.export_csv, name="export"),
    path("award/", views.award, name="award"),
    path("import/", views.hours_import, name="import"),
    path("rewards/add/", views.reward_add, name="reward_add"),
    path("rewards/<int:reward_id>/book/", booking_views.redeem, name="redeem"),
    path(
        "my-bookings/<int:redemption_id>/cancel/",
        booking_views.booking_cancel,
        name="booking_cancel",
    ),
    path("bookings/<int:redemption_id>/cancel/", views.redemption_cancel, name="cancel"),
    path("sessions/<int:session_id>/issue/", views.session_issue, name="session_issue"),
    path("check-in/", check_in_views.check_in_by_code, name="check_in_code"),
    path("check-in/<str:token>/", views.check_in, name="check_in"),
    path("accreditation/add/", views.accreditation_add, name="accreditation_add"),
    path("certificates/<int:recognition_id>.pdf", views.certificate, name="certificate"),
]
