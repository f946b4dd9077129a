"""Texts the organisation writes in English and Welsh (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from coproduce.credits.models import Milestone, Reward


@register(Reward)
class RewardTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("reward",)
