from django.urls import path

from coproduce.consent import views

app_name = "consent"
urlpatterns = [
    path("people/<int:membership_id>/", views.register, name="register"),
    path("people/<int:membership_id>/add/", views.add, name="add"),
    path("<int:consent_id>/withdraw/", views.withdraw, name="withdraw"),
]
