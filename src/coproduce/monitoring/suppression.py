"""Small-number suppression for what commissioners see.

Any figure about fewer than five young people is shown as "fewer than 5". Where parts and
their total are on the same page, one hidden part could be worked out by subtraction, so a
second part is hidden too (secondary suppression).
"""

from __future__ import annotations

from collections.abc import Sequence

THRESHOLD = 5


def hide(count: int | None) -> int | None:
    """None means 'fewer than 5'."""
    return None if count is None or count < THRESHOLD else count


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
