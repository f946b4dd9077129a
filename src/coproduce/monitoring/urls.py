from django.urls import path

from coproduce.monitoring import commissioner_views, views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("projects/<int:project_id>/", views.report, name="report"),
    path("projects/<int:project_id>/report.pdf", views.report_pdf, name="report_pdf"),
    path("projects/<int:project_id>/report.xlsx", views.report_xlsx, name="report_xlsx"),
    path("projects/<int:project_id>/answers/<slug:question>/", views.narrative, name="narrative"),
    path("inclusion/", views.inclusion, name="inclusion"),
    path("population/", views.population, name="population"),
]

urlpatterns += [
    path("sharing/", commissioner_views.sharing, name="sharing"),
    path("shared/", commissioner_views.shared, name="shared"),
    path(
        "shared/<slug:organisation_slug>/projects/<int:project_id>/",
        commissioner_views.shared_report,
        name="shared_report",
    ),
]
