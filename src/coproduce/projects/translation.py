"""Texts the organisation writes in English and Welsh (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from coproduce.projects.models import Project, RoleDescription


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("name", "aims")


@register(RoleDescription)
class RoleDescriptionTranslation(TranslationOptions):
    fields = (
        "title",
        "expectations",
        "skills",
        "tasks",
        "meeting_frequency",
        "duration",
        "reward_notes",
    )
