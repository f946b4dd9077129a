"""`coproduce messages_check`: fails unless every interface string has a Welsh translation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from coproduce.core.catalogue import WELSH_PLURALS, welsh_catalogue_checked


class Command(BaseCommand):
    help = "Extract the strings into a copy of the Welsh catalogue; fail on any missing or fuzzy."

    def handle(self, *args: Any, **options: Any) -> None:
        found = welsh_catalogue_checked()
        summary = (
            f"Welsh: {found.translated} translated, {found.fuzzy} fuzzy, "
            f"{found.untranslated} untranslated."
        )
        if found.complete:
            self.stdout.write(summary)
            return
        problems = [summary]
        if found.plural_forms.replace(" ", "") != WELSH_PLURALS.replace(" ", ""):
            problems.append(f"Plural-Forms should be: {WELSH_PLURALS}")
        problems.append(
            "Run `DEBUG=true uv run coproduce makemessages -l cy --no-obsolete` in "
            "src/coproduce and translate the new strings (docs/welsh.md)."
        )
        raise CommandError("\n".join(problems))
