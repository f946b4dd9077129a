from django.urls import path

from coproduce.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("read/", views.mark_read, name="mark_read"),
    path("undelivered/", views.email_failures, name="email_failures"),
]
