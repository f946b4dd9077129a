from django.urls import path

from coproduce.consent import rights_views, views

app_name = "consent"
urlpatterns = [
    path("people/<int:membership_id>/", views.register, name="register"),
    path("people/<int:membership_id>/add/", views.add, name="add"),
    path("<int:consent_id>/withdraw/", views.withdraw, name="withdraw"),
    path("people/<int:membership_id>/our-data.zip", rights_views.export, name="export"),
    path("people/<int:membership_id>/erase/", rights_views.erase, name="erase"),
    path("my-data.zip", rights_views.my_data, name="my_data"),
    path("retention/", rights_views.retention, name="retention"),
]
