from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "coproduce.assessments"
    label = "assessments"
    # Set url_prefix and api_prefix (and nav, dashboard) when the app has pages and an API:
    # see coproduce/urls.py, coproduce/api.py, core/context_processors.py and core/dashboard.py.
    url_prefix: str | None = None
    api_prefix: str | None = None
