"""The register of a session, made to be taken on a phone: one tick per young person (or
"Everyone came" at once) and one answer, in plain words, for how much say young people had."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership
    from coproduce.projects.ladders import Rung
    from coproduce.projects.models import Attendance


def usual_rung(register: list[tuple[Membership, Attendance | None]]) -> int | None:
    """The rung most of those who came were recorded at (the lower one on a tie), or None."""
    counts = Counter(row.rung for _m, row in register if row and row.attended and row.rung)
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], -item[0]))[0]


class RegisterForm(forms.Form):
    """`came_<id>` per young person; `rung` for the session; `rung_<id>` where one young
    person's say was different from everyone else's (empty: the same as everyone)."""

    def __init__(
        self,
        *args: Any,
        register: list[tuple[Membership, Attendance | None]],
        ladder: list[Rung],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.register = register
        usual = usual_rung(register)
        plain = [(str(r.number), r.plain) for r in ladder]
        self.fields["rung"] = forms.TypedChoiceField(
            label=_("How much say did young people have?"),
            choices=[("", _("Not recorded")), *plain],
            required=False,
            coerce=int,
            empty_value=None,
            initial=str(usual) if usual else "",
        )
        for member, row in register:
            name = member.user.display_name
            self.fields[f"came_{member.pk}"] = forms.BooleanField(
                label=name, required=False, initial=bool(row and row.attended)
            )
            own = row.rung if row and row.attended and row.rung != usual else None
            self.fields[f"rung_{member.pk}"] = forms.TypedChoiceField(
                label=_("How much say %(name)s had") % {"name": name},
                choices=[("", _("Same as everyone")), *plain],
                required=False,
                coerce=int,
                empty_value=None,
                initial=str(own) if own else "",
            )

    def entries(self, *, everyone: bool = False) -> list[tuple[Membership, bool, int | None]]:
        """Who came and the rung each worked at: everyone listed when `everyone`, and the
        session's answer unless a young person's own was chosen."""
        data = self.cleaned_data
        entries = []
        for member, row in self.register:
            came = everyone or data[f"came_{member.pk}"]
            if came or row is not None:
                entries.append((member, came, data[f"rung_{member.pk}"] or data["rung"]))
        return entries

    def rows(self) -> list[tuple[Membership, forms.BoundField, forms.BoundField]]:
        return [(m, self[f"came_{m.pk}"], self[f"rung_{m.pk}"]) for m, _row in self.register]

    def anyone_different(self) -> bool:
        """A young person's say differs from the session's: show their choices open."""
        return any(self[f"rung_{m.pk}"].value() not in (None, "") for m, _row in self.register)
