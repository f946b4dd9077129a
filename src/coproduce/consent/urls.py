from django.urls import path

from coproduce.consent import parent_views, request_views, rights_views, views

app_name = "consent"
urlpatterns = [
    path("people/<int:membership_id>/", views.register, name="register"),
    path("people/<int:membership_id>/add/", views.add, name="add"),
    path("people/<int:membership_id>/ask/", request_views.ask, name="ask"),
    path("requests/", request_views.requests, name="requests"),
    path("requests/<int:request_id>/cancel/", request_views.cancel, name="cancel_request"),
    path("link/<str:consent_token>/", parent_views.parent, name="parent"),
    path(
        "link/<str:consent_token>/withdraw/", parent_views.parent_withdraw, name="parent_withdraw"
    ),
    path("<int:consent_id>/withdraw/", views.withdraw, name="withdraw"),
    path("people/<int:membership_id>/our-data.zip", rights_views.export, name="export"),
    path("people/<int:membership_id>/erase/", rights_views.erase, name="erase"),
    path("my-data.zip", rights_views.my_data, name="my_data"),
    path("retention/", rights_views.retention, name="retention"),
]
