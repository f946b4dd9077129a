from django.urls import path

from coproduce.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("read/", views.mark_read, name="mark_read"),
    path("undelivered/", views.email_failures, name="email_failures"),
    path("preferences/", views.preferences, name="preferences"),
    path("unsubscribe/", views.unsubscribe_page, name="unsubscribe"),
    path("sent/", views.sent, name="sent"),
    path("unreachable/", views.unreachable, name="unreachable"),
    path("settings/", views.message_settings, name="settings"),
    path("notify-callback/", views.notify_callback, name="notify_callback"),
]
