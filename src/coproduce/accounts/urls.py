from django.urls import path

from coproduce.accounts import views

app_name = "accounts"
urlpatterns = [
    path("start/", views.start, name="start"),
    path("account/set-password/", views.set_password, name="set_password"),
    path("account/", views.profile, name="profile"),
]
