"""What each kind of message says, in English and in Welsh, for its reader.

Texts name nobody but the reader's first name (`{first_name}`); e-mails end with an
unsubscribe link added by the sender. Each kind has a switch on `MessageSettings`.
Placeholders are filled from the `context` given to `message_send` (all strings).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils import formats, translation


@dataclass(frozen=True)
class Wording:
    switch: str  # the MessageSettings field that turns this kind on or off ("": always on)
    subject: dict[str, str]
    body: dict[str, str]
    sms: dict[str, str]


def wording_language(code: str) -> str:
    """The wording to use for a language code: "cy" for Welsh, otherwise "en"."""
    return "cy" if code.lower().startswith("cy") else "en"


KINDS: dict[str, Wording] = {
    "session_invitation": Wording(
        switch="send_session_invitations",
        subject={
            "en": "You are invited: {activity} on {date}",
            "cy": "Gwahoddiad: {activity} ar {date}",
        },
        body={
            "en": "Hi {first_name},\n\nYou are invited to {activity} on {date}{at_time}{at_place}. "
            "Come and have your say.\n\nSee the details: {url}",
            "cy": "Helo {first_name},\n\nDyma wahoddiad i {activity} ar {date}{at_time}{at_place}. "
            "Dewch i ddweud eich dweud.\n\nGweld y manylion: {url}",
        },
        sms={
            "en": "Hi {first_name}, you are invited to {activity} on {date}{at_time}. {url}",
            "cy": "Helo {first_name}, dyma wahoddiad i {activity} ar {date}{at_time}. {url}",
        },
    ),
    "session_reminder": Wording(
        switch="send_session_reminders",
        subject={
            "en": "Tomorrow: {activity}",
            "cy": "Yfory: {activity}",
        },
        body={
            "en": "Hi {first_name},\n\nA reminder that {activity} is tomorrow, {date}{at_time}"
            "{at_place}. See you there.\n\n{url}",
            "cy": "Helo {first_name},\n\nNodyn i'ch atgoffa bod {activity} yfory, {date}{at_time}"
            "{at_place}. Welwn ni chi yno.\n\n{url}",
        },
        sms={
            "en": "Hi {first_name}, a reminder: {activity} is tomorrow{at_time}. See you there.",
            "cy": "Helo {first_name}, nodyn atgoffa: mae {activity} yfory{at_time}. Welwn ni chi yno.",
        },
    ),
    "idea_news": Wording(
        switch="send_idea_news",
        subject={
            "en": "There is news about your idea",
            "cy": "Mae newyddion am eich syniad",
        },
        body={
            "en": "Hi {first_name},\n\nThere is news about your idea. Have a look: {url}",
            "cy": "Helo {first_name},\n\nMae newyddion am eich syniad. Cymerwch olwg: {url}",
        },
        sms={
            "en": "Hi {first_name}, there is news about your idea. Have a look: {url}",
            "cy": "Helo {first_name}, mae newyddion am eich syniad. Cymerwch olwg: {url}",
        },
    ),
    "credits_earned": Wording(
        switch="send_credits",
        subject={
            "en": "Well done: you have reached a milestone",
            "cy": "Da iawn: rydych wedi cyrraedd carreg filltir",
        },
        body={
            "en": "Hi {first_name},\n\nWell done: your time has earned you a new milestone. "
            "See what you have earned: {url}",
            "cy": "Helo {first_name},\n\nDa iawn: mae eich amser wedi ennill carreg filltir "
            "newydd i chi. Gweld beth rydych wedi'i ennill: {url}",
        },
        sms={
            "en": "Hi {first_name}, well done: you have reached a new milestone. {url}",
            "cy": "Helo {first_name}, da iawn: rydych wedi cyrraedd carreg filltir newydd. {url}",
        },
    ),
    "staff_digest": Wording(
        switch="send_staff_digest",
        subject={
            "en": "This week: {count} things need doing",
            "cy": "Yr wythnos hon: {count} peth i'w gwneud",
        },
        body={
            "en": "Hi {first_name},\n\nHere is what needs doing this week:\n\n{lines}\n\n{url}",
            "cy": "Helo {first_name},\n\nDyma beth sydd angen ei wneud yr wythnos hon:\n\n"
            "{lines}\n\n{url}",
        },
        sms={
            "en": "Hi {first_name}, {count} things need doing this week. {url}",
            "cy": "Helo {first_name}, mae {count} peth i'w gwneud yr wythnos hon. {url}",
        },
    ),
    "consent_request": Wording(
        switch="send_consent_requests",
        subject={
            "en": "Please give your consent for {child_first_name}",
            "cy": "Rhowch eich caniatâd ar gyfer {child_first_name}, os gwelwch yn dda",
        },
        body={
            "en": "Hello,\n\n{organisation} asks for your consent for {child_first_name} to "
            "take part. Please read and answer here: {url}\n\nThe link works for {days} days.",
            "cy": "Helo,\n\nMae {organisation} yn gofyn am eich caniatâd i {child_first_name} "
            "gymryd rhan. Darllenwch ac atebwch yma: {url}\n\nMae'r ddolen yn gweithio am "
            "{days} diwrnod.",
        },
        sms={
            "en": "{organisation} asks for your consent for {child_first_name} to take part. {url}",
            "cy": "Mae {organisation} yn gofyn am eich caniatâd i {child_first_name} gymryd "
            "rhan. {url}",
        },
    ),
    "assessment_waiting": Wording(
        switch="send_assessments_waiting",
        subject={
            "en": "A check-in is waiting for you",
            "cy": "Mae holiadur yn aros amdanoch chi",
        },
        body={
            "en": "Hi {first_name},\n\nA check-in is waiting for you: {round}. Tell us how "
            "working together is going for you. It only takes a few minutes: {url}",
            "cy": "Helo {first_name},\n\nMae holiadur yn aros amdanoch chi: {round}. Dywedwch "
            "wrthym sut mae gweithio gyda'n gilydd yn mynd i chi. Dim ond ychydig funudau "
            "mae'n ei gymryd: {url}",
        },
        sms={
            "en": "Hi {first_name}, a check-in is waiting for you. It only takes a few minutes: "
            "{url}",
            "cy": "Helo {first_name}, mae holiadur yn aros amdanoch chi. Dim ond ychydig funudau "
            "mae'n ei gymryd: {url}",
        },
    ),
    "panel_briefing": Wording(
        switch="send_panel_briefings",
        subject={
            "en": "You are on the panel: {round}",
            "cy": "Rydych chi ar y panel: {round}",
        },
        body={
            "en": "Hi {first_name},\n\nYou are on the panel for {round}. Before you score, "
            "read the briefing and tell us you have read it: {url}",
            "cy": "Helo {first_name},\n\nRydych chi ar y panel ar gyfer {round}. Cyn i chi roi "
            "sgôr, darllenwch y briff a dweud wrthym eich bod wedi'i ddarllen: {url}",
        },
        sms={
            "en": "Hi {first_name}, you are on a panel. Please read the briefing before you "
            "score: {url}",
            "cy": "Helo {first_name}, rydych chi ar banel. Darllenwch y briff cyn i chi roi "
            "sgôr: {url}",
        },
    ),
    "round_due": Wording(
        switch="send_rounds_due",
        subject={
            "en": "A self-assessment round is due: {framework}",
            "cy": "Mae cylch hunanasesiad yn ddyledus: {framework}",
        },
        body={
            "en": "Hi {first_name},\n\nThe next self-assessment round for {framework} is due "
            "on {date}. Open a round so staff and young people can take part: {url}",
            "cy": "Helo {first_name},\n\nMae'r cylch hunanasesiad nesaf ar gyfer {framework} yn "
            "ddyledus ar {date}. Agorwch gylch er mwyn i staff a phobl ifanc gymryd rhan: {url}",
        },
        sms={
            "en": "Hi {first_name}, a self-assessment round is due on {date}. {url}",
            "cy": "Helo {first_name}, mae cylch hunanasesiad yn ddyledus ar {date}. {url}",
        },
    ),
    "panel_ready": Wording(
        switch="send_panel_ready",
        subject={
            "en": "The panel is ready to moderate: {round}",
            "cy": "Mae'r panel yn barod i gymedroli: {round}",
        },
        body={
            "en": "Hi {first_name},\n\nEveryone on the panel for {round} has sent their "
            "scores. You can hold the moderation meeting now: {url}",
            "cy": "Helo {first_name},\n\nMae pawb ar y panel ar gyfer {round} wedi anfon eu "
            "sgorau. Gallwch gynnal y cyfarfod cymedroli nawr: {url}",
        },
        sms={
            "en": "Hi {first_name}, the panel is ready to moderate. {url}",
            "cy": "Helo {first_name}, mae'r panel yn barod i gymedroli. {url}",
        },
    ),
    # The e-mail (or text) copy of an in-app notification: `subject` and `text` arrive
    # already written in the reader's language. Always on; a text names nothing but a link.
    "notice": Wording(
        switch="",
        subject={"en": "{subject}", "cy": "{subject}"},
        body={
            "en": "Hi {first_name},\n\n{text}\n\n{url}",
            "cy": "Helo {first_name},\n\n{text}\n\n{url}",
        },
        sms={
            "en": "Hi {first_name}, there is a new message for you: {url}",
            "cy": "Helo {first_name}, mae neges newydd i chi: {url}",
        },
    ),
}

UNSUBSCRIBE = {
    "en": "Do not want these e-mails? Stop them here: {link}",
    "cy": "Ddim eisiau'r negeseuon e-bost hyn? Stopiwch nhw yma: {link}",
}

DIGEST_LINE = {"en": "- {text}", "cy": "- {text}"}


class Fill(dict[str, str]):
    """Missing placeholders become empty rather than failing a send."""

    def __missing__(self, key: str) -> str:
        return ""


AT_TIME = {"en": " at {time}", "cy": " am {time}"}
AT_PLACE = {"en": ", at {place}", "cy": ", yn {place}"}

Value = str | int | datetime.date | datetime.time


def _text(value: Value, language: str) -> str:
    with translation.override("cy" if language == "cy" else "en-gb"):
        if isinstance(value, datetime.datetime):
            return formats.date_format(value, "l j F, H:i")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "l j F")
        if isinstance(value, datetime.time):
            return value.strftime("%H:%M")
    return str(value)


def render(kind: str, language: str, context: Mapping[str, Value]) -> tuple[str, str, str]:
    """(subject, e-mail body, text message) for `kind` in `language` ("en" or "cy").

    Dates are written out in the reader's language ("Saturday 3 October",
    "Dydd Sadwrn 3 Hydref"); `time` and `place`, when given, fill `{at_time}`/`{at_place}`.
    """
    wording = KINDS[kind]
    fill = Fill({key: _text(value, language) for key, value in context.items()})
    if fill.get("time"):
        fill["at_time"] = AT_TIME[language].format(time=fill["time"])
    if fill.get("place"):
        fill["at_place"] = AT_PLACE[language].format(place=fill["place"])
    return (
        wording.subject[language].format_map(fill),
        wording.body[language].format_map(fill),
        wording.sms[language].format_map(fill),
    )
