from django.urls import path

from coproduce.accounts import views

app_name = "accounts"
urlpatterns = [
    path("start/", views.start, name="start"),
    path("account/set-password/", views.set_password, name="set_password"),
    path("account/", views.profile, name="profile"),
    path("language/", views.language_switch, name="language"),
    path("account/api-tokens/", views.api_tokens, name="api_tokens"),
    path(
        "account/api-tokens/<int:token_id>/revoke/",
        views.api_token_revoke_view,
        name="api_token_revoke",
    ),
    # Under the person's page in organisations (/organisation/people/...), where staff use it.
    path(
        "organisation/people/<int:membership_id>/sign-in-code/",
        views.sign_in_code,
        name="sign_in_code",
    ),
]
