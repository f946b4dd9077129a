"""What a check-in asks: the benefits nef found in co-production (seed 000: confidence,
skills, friendships and networks, motivation) and the five ways to wellbeing (seed 004),
in plain words for young people, each on a five-point scale with words."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MEASURES = [
    ("confidence", _("Confidence"), _("I feel confident about myself")),
    ("skills", _("Skills"), _("I am learning skills I can use")),
    (
        "friendships",
        _("Friendships and networks"),
        _("I have people I can get on with and ask for help"),
    ),
    ("motivation", _("Motivation"), _("I feel like getting things done")),
    ("connect", _("Connect"), _("I spend time with people who matter to me")),
    ("be_active", _("Be active"), _("I do things that get me moving")),
    ("take_notice", _("Take notice"), _("I notice what is going on around me and how I feel")),
    ("keep_learning", _("Keep learning"), _("I try new things and learn new stuff")),
    ("give", _("Give"), _("I do things for other people")),
]
SCALE = [
    (1, _("Not at all")),
    (2, _("A little")),
    (3, _("Sometimes")),
    (4, _("Quite a lot")),
    (5, _("A lot")),
]
KEYS = [key for key, _label, _question in MEASURES]
