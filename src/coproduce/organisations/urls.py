from django.urls import path

from coproduce.organisations import views

app_name = "organisations"
urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/add/", views.person_add, name="person_add"),
    path("people/<int:membership_id>/", views.person, name="person"),
    path("people/<int:membership_id>/change/", views.person_edit, name="person_edit"),
    path("language/", views.default_language, name="language"),
    path("translations/", views.translations_missing, name="translations_missing"),
    path("services/", views.service_list, name="services"),
    path("services/add/", views.service_add, name="service_add"),
    path("services/<int:service_id>/change/", views.service_edit, name="service_edit"),
]
