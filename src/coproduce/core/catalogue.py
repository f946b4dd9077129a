"""The Welsh catalogue is kept complete: `coproduce messages_check` (run by `make test`).

It runs `makemessages` over the code into a temporary copy of the catalogue (the real one is
not touched), then `msgfmt --statistics`: any string without a Welsh translation, or marked
fuzzy, or a catalogue without Welsh's six plural forms, is a failure.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

WELSH_PLURALS = (
    "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;"
)
SOURCE_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Statistics:
    translated: int
    fuzzy: int
    untranslated: int
    plural_forms: str

    @property
    def complete(self) -> bool:
        return (
            not self.fuzzy
            and not self.untranslated
            and self.plural_forms.replace(" ", "") == WELSH_PLURALS.replace(" ", "")
        )


def statistics_of(po_file: Path) -> Statistics:
    """msgfmt's counts for one .po file (it also fails on a malformed one)."""
    answer = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    if answer.returncode != 0:
        raise ValueError(answer.stderr.strip())
    counts = {
        kind: int(number)
        for number, kind in re.findall(
            r"(\d+) (translated|fuzzy|untranslated)", answer.stderr + answer.stdout
        )
    }
    # The header's strings joined (msgmerge wraps long lines), then its Plural-Forms.
    first_entry = po_file.read_text(encoding="utf-8").split("\n\n", 1)[0]
    joined = "".join(re.findall(r'^"(.*)"$', first_entry, flags=re.MULTILINE))
    header = re.search(r"Plural-Forms: *(.*?)\\n", joined)
    return Statistics(
        translated=counts.get("translated", 0),
        fuzzy=counts.get("fuzzy", 0),
        untranslated=counts.get("untranslated", 0),
        plural_forms=header.group(1).strip() if header else "",
    )


def welsh_catalogue_checked(locale: str = "cy") -> Statistics:
    """Extract today's strings into a copy of the catalogue and count what is missing."""
    real = Path(settings.LOCALE_PATHS[0])
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "locale"
        if real.is_dir():
            shutil.copytree(real, copy)
        else:
            copy.mkdir()
        # From src/ with every folder named "locale" left out: makemessages writes each file's
        # strings to the nearest locale folder it finds, which must be the copy.
        with override_settings(LOCALE_PATHS=[copy]), contextlib.chdir(SOURCE_DIR.parent):
            call_command(
                "makemessages",
                locale=[locale],
                no_obsolete=True,
                verbosity=0,
                ignore_patterns=["locale"],
            )
        return statistics_of(copy / locale / "LC_MESSAGES" / "django.po")
