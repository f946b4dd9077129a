from django.urls import path

from coproduce.inclusion import views

app_name = "inclusion"
urlpatterns = [
    path("about-you/", views.about_you, name="about_you"),
    path("equality/", views.equality_report, name="equality"),
    path("equality/areas/", views.areas_edit, name="areas"),
    path("settings/", views.settings_edit, name="settings"),
    path("people/import/", views.people_import, name="import"),
    path("people/import/check/", views.people_import_preview, name="import_preview"),
    # Two addresses, not a parameter: the format is not an object that could belong to anyone.
    path("people/export.csv", views.people_export, {"fmt": "csv"}, name="people_export_csv"),
    path("people/export.xlsx", views.people_export, {"fmt": "xlsx"}, name="people_export_xlsx"),
    path("who-to-ask/", views.who_to_ask, name="who_to_ask"),
    path("people/<int:membership_id>/needs/", views.needs_edit, name="needs"),
    path("payments/", views.payments, name="payments"),
    path("payments/add/", views.payment_add, name="payment_add"),
    path("payments/export.csv", views.payments_export, name="payments_export"),
    path("payments/<int:payment_id>/receipt/", views.payment_receipt, name="payment_receipt"),
    path(
        "payments/<int:payment_id>/receipt/add/",
        views.payment_receipt_add,
        name="payment_receipt_add",
    ),
    path("payments/<int:payment_id>/decide/", views.payment_decide, name="payment_decide"),
]
