"""Scenario: every text the product shows is its own wording (seed README, issue 24).

The seeds' rule, in our words: the product takes meaning from the source documents and credits
them by name, but never reproduces their sentences. Here "reproduced" means a run of ten or more
words in a row that also appears in a seed; every source file and template is checked, so a
question, descriptor, help text or guidance page copied from a seed fails."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import coproduce

RUN = 10
# The seed documents are kept outside the repository; COPRODUCE_SEEDS points elsewhere.
SEEDS = Path(os.environ.get("COPRODUCE_SEEDS", "/work/shared/seeds"))
SOURCE = Path(coproduce.__file__).parent


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _copied(text: str, seeds: set[tuple[str, ...]]) -> list[str]:
    words = _words(text)
    return [
        " ".join(words[i : i + RUN])
        for i in range(len(words) - RUN + 1)
        if tuple(words[i : i + RUN]) in seeds
    ]


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    files = sorted(SEEDS.glob("0*.txt"))
    if not files:
        pytest.skip("the seed documents are not on this machine")
    runs: set[tuple[str, ...]] = set()
    for path in files:
        runs |= _runs(_words(path.read_text(encoding="utf-8")))
    return runs


def test_it_catches_a_sentence_copied_from_a_seed(seed_runs: set[tuple[str, ...]]) -> None:
    """The check can fail: Appendix B's first prompt, word for word, is caught."""
    copied = (
        "Which young people did staff recruit for involvement in co-production activities? "
        "How inclusive was the recruitment?"
    )
    assert _copied(copied, seed_runs)
    assert not _copied("Who did we bring in to take part, and who did we miss?", seed_runs)


def test_it_uses_no_run_of_ten_words_from_the_seeds(seed_runs: set[tuple[str, ...]]) -> None:
    """No product text (code, templates, built-in frameworks, guidance) repeats a seed's words."""
    found = {}
    for path in sorted(SOURCE.rglob("*")):
        if path.suffix not in {".py", ".html", ".txt", ".yaml", ".json", ".md"}:
            continue
        if "migrations" in path.parts:
            continue
        copied = _copied(path.read_text(encoding="utf-8"), seed_runs)
        if copied:
            found[str(path.relative_to(SOURCE))] = copied[:3]
    assert found == {}


def test_it_asks_the_nine_appendix_b_questions_in_its_own_words_crediting_the_toolkit(
    seed_runs: set[tuple[str, ...]],
) -> None:
    """Appendix B's nine monitoring prompts keep their meaning and their order, in our words."""
    from coproduce.monitoring.report import QUESTIONS

    assert [key for key, _q in QUESTIONS] == [
        "recruited",
        "barriers",
        "why",
        "scope",
        "flexible",
        "process",
        "effective",
        "changed",
        "improve",
    ]
    for _key, question in QUESTIONS:
        assert not _copied(str(question), seed_runs)
    template = (SOURCE / "monitoring/templates/monitoring/report.html").read_text()
    assert "All together now" in template and "in our own words" in template
