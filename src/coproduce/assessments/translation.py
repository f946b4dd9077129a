"""Framework copies in English and Welsh (django-modeltranslation). The built-in frameworks
fill both languages from the catalogue when they are set up (builtin.py)."""

from modeltranslation.translator import TranslationOptions, register

from coproduce.assessments.models import BandDescriptor, Framework, Indicator, Principle


@register(Framework)
class FrameworkTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Principle)
class PrincipleTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("title", "young_title", "young_hint")


@register(BandDescriptor)
class BandDescriptorTranslation(TranslationOptions):
    fields = ("descriptor", "examples")
