"""axe-core (from npm, vendored by `npm run build`) and the 320 px check for browser tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Only the violations, worked out and sent back: axe's passes and inapplicable rules, every
# node listed, made most of the time of a check and of what crossed to Python.
AXE_JS = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(r => r.violations.map(v => ({
        id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))
    })))"""
OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


# A click may just have started a navigation: the old document goes before the new one has a
# head (appendChild fails) or while a script is running in it (its context is destroyed).
_NAVIGATING = ("appendChild", "Execution context was destroyed")


def assert_accessible(page: Any) -> None:
    """No axe violations, and nothing wider than the phone screen."""
    for attempt in range(3):
        page.wait_for_load_state()
        try:
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(AXE_JS, WCAG)
            overflow = page.evaluate(OVERFLOW_JS)
            break
        except Exception as error:
            if not any(sign in str(error) for sign in _NAVIGATING) or attempt == 2:
                raise
    problems = [(v["id"], v["impact"], v["targets"]) for v in violations]
    assert not problems, f"axe found problems on {page.url}: {problems}"
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {page.viewport_size}"


def visit(page: Any, url: str) -> None:
    page.goto(url)
    assert_accessible(page)
