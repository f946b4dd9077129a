from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    """Synthetic data at named sizes, for benchmarks (`coproduce generate`)."""

    name = "coproduce.synthetic"
    label = "synthetic"
