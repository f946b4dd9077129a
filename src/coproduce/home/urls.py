from django.urls import path

from coproduce.home import views

# Not namespaced: every page links to "home".
urlpatterns = [
    path("", views.home, name="home"),
    path("switch-organisation/", views.switch_organisation, name="switch_organisation"),
]
