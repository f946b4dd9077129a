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


def _add_axe(page: Any) -> None:
    """Put axe on the page, waiting out a navigation a click may just have started (its old
    document is gone before the new one has a head)."""
    for attempt in range(3):
        page.wait_for_load_state()
        try:
            page.add_script_tag(path=str(AXE))
            return
        except Exception as error:
            if "appendChild" not in str(error) or attempt == 2:
                raise


def assert_accessible(page: Any) -> None:
    """No axe violations, and nothing wider than the phone screen."""
    _add_axe(page)
    violations = page.evaluate(AXE_JS, WCAG)
    problems = [(v["id"], v["impact"], v["targets"]) for v in violations]
    assert not problems, f"axe found problems on {page.url}: {problems}"
    overflow = page.evaluate(OVERFLOW_JS)
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {page.viewport_size}"


def visit(page: Any, url: str) -> None:
    page.goto(url)
    assert_accessible(page)
