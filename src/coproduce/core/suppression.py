"""The small-number rule: figures about fewer than SMALL_NUMBER people are not shown.

Any figure about fewer than five young people is shown as "fewer than 5". Where parts and
their total are on the same page, one hidden part could be worked out by subtraction, so a
second part is hidden too (secondary suppression). Every app that publishes counts or averages
about groups of young people uses this one threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

SMALL_NUMBER = 5


def is_small(count: int | None) -> bool:
    """True when a group of `count` people is too small to publish figures about."""
    return count is None or count < SMALL_NUMBER


def hide(count: int | None) -> int | None:
    """None means 'fewer than 5'."""
    return None if is_small(count) else count


def hide_group(total: int, parts: Sequence[int]) -> tuple[int | None, list[int | None]]:
    """Hide small parts, and enough others that none can be recovered from the total."""
    shown_total = hide(total)
    shown = [hide(p) for p in parts]
    if shown_total is not None:
        hidden = [i for i, v in enumerate(shown) if v is None]
        if len(hidden) == 1:
            # total − the shown parts would give the hidden one: hide the next smallest as well.
            candidates = sorted((p, i) for i, p in enumerate(parts) if shown[i] is not None)
            if candidates:
                shown[candidates[0][1]] = None
            else:
                shown_total = None
    return shown_total, shown
