"""Scenario: the Welsh catalogue is kept complete. `coproduce messages_check` (run by
`make test`) extracts today's strings into a copy of the catalogue and fails while any lacks
a Welsh translation or is fuzzy; it never changes the real catalogue."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from coproduce.core.catalogue import WELSH_PLURALS, statistics_of

HEADER = f"""msgid ""
msgstr ""
"Language: cy\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: {WELSH_PLURALS}\\n"
"""


def _po(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "django.po"
    path.write_text(header + "\n" + body, encoding="utf-8")
    return path


def test_a_fully_translated_catalogue_with_six_plural_forms_is_complete(tmp_path: Path) -> None:
    body = 'msgid "Sign in"\nmsgstr "Mewngofnodi"\n\n' + 'msgid "%(n)s credit"\n'
    body += 'msgid_plural "%(n)s credits"\n'
    body += "".join(f'msgstr[{i}] "%(n)s credyd"\n' for i in range(6))
    assert statistics_of(_po(tmp_path, body)).complete


def test_a_missing_or_fuzzy_translation_or_english_plurals_is_not(tmp_path: Path) -> None:
    assert not statistics_of(_po(tmp_path, 'msgid "Sign in"\nmsgstr ""\n')).complete
    fuzzy = '#, fuzzy\nmsgid "Sign in"\nmsgstr "Mewngofnodi"\n'
    assert statistics_of(_po(tmp_path, fuzzy)).fuzzy == 1
    english = HEADER.replace(WELSH_PLURALS, "nplurals=2; plural=(n != 1);")
    done = 'msgid "Sign in"\nmsgstr "Mewngofnodi"\n'
    assert not statistics_of(_po(tmp_path, done, header=english)).complete


def test_the_check_fails_while_strings_are_untranslated_and_leaves_the_catalogue_alone() -> None:
    real = Path(settings.LOCALE_PATHS[0]) / "cy" / "LC_MESSAGES" / "django.po"
    before = hashlib.sha256(real.read_bytes()).hexdigest() if real.exists() else ""
    complete = statistics_of(real).untranslated == 0 if real.exists() else False
    if complete:
        call_command("messages_check")
    else:
        with pytest.raises(CommandError, match="untranslated"):
            call_command("messages_check")
    after = hashlib.sha256(real.read_bytes()).hexdigest() if real.exists() else ""
    assert after == before
