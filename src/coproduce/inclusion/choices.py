"""The answers equality monitoring offers, worded after the ONS census categories, each with
"prefer not to say"; and the kinds of access need and payment."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT = "prefer_not"
PREFER_NOT_LABEL = _("Prefer not to say")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


class Ethnicity(models.TextChoices):
    """The 19 ethnic groups of the 2021 census in England and Wales (ONS)."""

    BANGLADESHI = "asian_bangladeshi", _("Asian or Asian British: Bangladeshi")
    CHINESE = "asian_chinese", _("Asian or Asian British: Chinese")
    INDIAN = "asian_indian", _("Asian or Asian British: Indian")
    PAKISTANI = "asian_pakistani", _("Asian or Asian British: Pakistani")
    ASIAN_OTHER = "asian_other", _("Asian or Asian British: any other Asian background")
    AFRICAN = "black_african", _("Black, Black British, Caribbean or African: African")
    CARIBBEAN = "black_caribbean", _("Black, Black British, Caribbean or African: Caribbean")
    BLACK_OTHER = (
        "black_other",
        _("Black, Black British, Caribbean or African: any other Black background"),
    )
    WHITE_ASIAN = "mixed_white_asian", _("Mixed or multiple: White and Asian")
    WHITE_BLACK_AFRICAN = (
        "mixed_white_black_african",
        _("Mixed or multiple: White and Black African"),
    )
    WHITE_BLACK_CARIBBEAN = (
        "mixed_white_black_caribbean",
        _("Mixed or multiple: White and Black Caribbean"),
    )
    MIXED_OTHER = "mixed_other", _("Mixed or multiple: any other mixed background")
    WHITE_BRITISH = "white_british", _("White: Welsh, English, Scottish, Northern Irish or British")
    WHITE_IRISH = "white_irish", _("White: Irish")
    GYPSY_TRAVELLER = "white_gypsy_traveller", _("White: Gypsy or Irish Traveller")
    ROMA = "white_roma", _("White: Roma")
    WHITE_OTHER = "white_other", _("White: any other White background")
    ARAB = "other_arab", _("Other ethnic group: Arab")
    OTHER = "other", _("Other ethnic group: any other ethnic group")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


class Disability(models.TextChoices):
    DISABILITY = "disability", _("Yes, a disability or long-term condition")
    SEND = "send", _("Yes, special educational needs (SEND)")
    BOTH = "both", _("Yes, both")
    NO = "no", _("No")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


class Language(models.TextChoices):
    WELSH = "welsh", _("Welsh")
    ENGLISH = "english", _("English")
    WELSH_AND_ENGLISH = "welsh_and_english", _("Welsh and English equally")
    BSL = "bsl", _("British Sign Language")
    OTHER = "other", _("Another language")
    PREFER_NOT = PREFER_NOT, PREFER_NOT_LABEL


class LawfulBasis(models.TextChoices):
    """Why the organisation may hold equality answers (UK GDPR articles 6 and 9)."""

    CONSENT = "consent", _("Consent: article 6(1)(a) and explicit consent, article 9(2)(a)")
    PUBLIC_TASK = (
        "public_task",
        _(
            "Public task: article 6(1)(e) and substantial public interest, article 9(2)(g) "
            "(equality of opportunity, Data Protection Act 2018, schedule 1, paragraph 8)"
        ),
    )


class Need(models.TextChoices):
    TRANSPORT = "transport", _("Transport")
    TIMING = "timing", _("Timing")
    COMMUNICATION = "communication", _("Communication")
    PHYSICAL = "physical", _("Physical access")
    SUPPORT_WORKER = "support_worker", _("Comes with a support worker")
    OTHER = "other", _("Something else")


class PaymentKind(models.TextChoices):
    TRAVEL = "travel", _("Travel refund")
    VOUCHER = "voucher", _("Voucher")
    PAY = "pay", _("Pay for panel or project work")
    OTHER = "other", _("Other expense")


class PaymentMethod(models.TextChoices):
    CASH = "cash", _("Cash")
    BANK = "bank_transfer", _("Bank transfer")
    VOUCHER = "voucher", _("Voucher")
    CARD = "prepaid_card", _("Prepaid card")
    OTHER = "other", _("Other")


class PaymentStatus(models.TextChoices):
    AWAITING = "awaiting", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
