"""Adding young people and staff in bulk from a CSV or Excel file: every row checked first,
shown to staff as it will be added, then all added or none.

`people_check` reads a sheet and answers either the rows as they will be added or every
problem by line; `people_import` checks again and adds them all in one transaction. The
file itself is never kept: the preview page holds the sheet's cells in the session until
staff confirm or cancel.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.core.imports import ImportProblem, Sheet
from coproduce.organisations.roles import STAFF, Role
from coproduce.organisations.selectors import people_for, services_for
from coproduce.organisations.services import person_add, validate_person

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation, Service

PEOPLE_COLUMNS = ["first_name", "last_name", "date_of_birth"]
# The full shape, in the order the export writes it.
ALL_COLUMNS = [*PEOPLE_COLUMNS, "preferred_name", "email", "role", "services", "in_care"]
IMPORTABLE_ROLES = [Role.YOUNG_PERSON, Role.PRACTITIONER, Role.MANAGER, Role.ADMIN]
MAX_ROWS = 500
YES = {"yes", "y", "true", "1"}
NO = {"", "no", "n", "false", "0"}


@dataclass
class PersonRow:
    """One row as it will be added."""

    line: int
    first_name: str
    last_name: str
    preferred_name: str
    email: str
    date_of_birth: datetime.date | None
    role: str
    in_care: bool
    services: list[Service] = field(default_factory=list)

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)

    @property
    def service_names(self) -> str:
        return "; ".join(s.name for s in self.services)


@dataclass
class PeopleCheck:
    problems: list[ImportProblem]
    rows: list[PersonRow]


@dataclass
class PeopleImport:
    problems: list[ImportProblem]
    added: list[Membership]


def _role_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for role in IMPORTABLE_ROLES:
        names[role.value.casefold()] = role.value
        names[role.value.replace("_", " ").casefold()] = role.value
        names[str(role.label).casefold()] = role.value
    names["admin"] = Role.ADMIN.value
    return names


def _keys(person: PersonRow | Membership) -> set[tuple[str, str, str]]:
    """What makes two rows the same person: name and date of birth, or (for staff with no
    date of birth given) name and email address."""
    if isinstance(person, PersonRow):
        first, last, born, email = (
            person.first_name,
            person.last_name,
            person.date_of_birth,
            person.email,
        )
    else:
        user = person.user
        first, last, born, email = user.first_name, user.last_name, user.date_of_birth, user.email
    name = (first.casefold(), last.casefold())
    keys = set()
    if born:
        keys.add((*name, born.isoformat()))
    if email:
        keys.add((*name, "@" + email.casefold()))
    return keys


def _check_row(
    line: int,
    row: dict[str, str],
    *,
    roles: dict[str, str],
    services: dict[str, Service],
    allow_staff: bool,
    today: datetime.date,
) -> tuple[list[ImportProblem], PersonRow | None]:
    problems: list[ImportProblem] = []

    def problem(message: str) -> None:
        problems.append(ImportProblem(line, message))

    first, last = row.get("first_name", ""), row.get("last_name", "")
    if not first:
        problem(_("Enter a first name"))
    if not last:
        problem(_("Enter a last name"))
    if len(first) > 150 or len(last) > 150 or len(row.get("preferred_name", "")) > 150:
        problem(_("Names must be 150 characters or fewer"))
    role_text = row.get("role", "").casefold()
    role = roles.get(role_text) if role_text else Role.YOUNG_PERSON.value
    if role is None:
        problem(_("Write the role as young person, practitioner, manager or admin"))
    elif role in STAFF and not allow_staff:
        problem(_("Only managers and admins can add staff"))
    born: datetime.date | None = None
    born_text = row.get("date_of_birth", "")
    if born_text:
        try:
            born = datetime.date.fromisoformat(born_text)
        except ValueError:
            problem(_("Write the date of birth as YYYY-MM-DD"))
    elif role == Role.YOUNG_PERSON:
        problem(_("Enter the young person's date of birth"))
    email = row.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problem(_("Enter a real email address, or leave it empty"))
    in_care_text = row.get("in_care", "").casefold()
    if in_care_text not in YES | NO:
        problem(_("Write yes or no for in care"))
    chosen = []
    for name in filter(None, (n.strip() for n in row.get("services", "").split(";"))):
        if name.casefold() in services:
            chosen.append(services[name.casefold()])
        else:
            problem(_("No service called '%(s)s'") % {"s": name})
    if role is None or (born_text and born is None):
        return problems, None
    try:
        validate_person(
            role=role, email=email, date_of_birth=born, in_care=in_care_text in YES, today=today
        )
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            if key != "date_of_birth" or born is not None:  # a missing one is said above
                problems.extend(ImportProblem(line, m) for m in messages)
    person = PersonRow(
        line,
        first,
        last,
        row.get("preferred_name", ""),
        email,
        born,
        role,
        in_care_text in YES,
        chosen,
    )
    return problems, person


def people_check(
    *, organisation: Organisation, sheet: Sheet, allow_in_care: bool, allow_staff: bool
) -> PeopleCheck:
    """Every row of the sheet checked (with people already here and the file's other rows, by
    name and date of birth); the rows as they will be added, or every problem by line."""
    missing = sheet.missing(PEOPLE_COLUMNS)
    if missing:
        return PeopleCheck(missing, [])
    if not allow_in_care and any(r.get("in_care", "").casefold() in YES for _l, r in sheet.rows):
        return PeopleCheck([ImportProblem(1, _("You cannot record who is in care"))], [])
    services = {s.name.casefold(): s for s in services_for(organisation=organisation)}
    known = set().union(*(_keys(m) for m in people_for(organisation=organisation)))
    today = datetime.date.today()  # noqa: DTZ011 - a birthday is a calendar date
    roles = _role_names()
    problems: list[ImportProblem] = []
    rows: list[PersonRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for count, (line, row) in enumerate(sheet.rows, start=1):
        if count > MAX_ROWS:
            problems.append(
                ImportProblem(line, _("Import at most %(n)s people at a time") % {"n": MAX_ROWS})
            )
            break
        found, person = _check_row(
            line, row, roles=roles, services=services, allow_staff=allow_staff, today=today
        )
        problems.extend(found)
        if person is None:
            continue
        keys = _keys(person)
        if keys & known:
            problems.append(
                ImportProblem(
                    line,
                    _("A young person with this name and date of birth is already here")
                    if person.role == Role.YOUNG_PERSON
                    else _("Someone with this name and date of birth or email is already here"),
                )
            )
        elif earlier := next((seen[k] for k in keys if k in seen), None):
            problems.append(
                ImportProblem(line, _("The same person as line %(n)s") % {"n": earlier})
            )
        for key in keys:
            seen.setdefault(key, line)
        rows.append(person)
    if not rows and not problems:
        problems.append(ImportProblem(2, _("The file has no one in it")))
    return PeopleCheck(problems, [] if problems else rows)


def people_import(
    *,
    acting_user: User,
    organisation: Organisation,
    sheet: Sheet,
    allow_in_care: bool,
    allow_staff: bool = False,
) -> PeopleImport:
    """Check the sheet again (people may have been added since the preview) and add everyone
    in it, or nobody: columns first_name, last_name, date_of_birth and optionally
    preferred_name, email, role (young person when empty), services and in_care."""
    checked = people_check(
        organisation=organisation,
        sheet=sheet,
        allow_in_care=allow_in_care,
        allow_staff=allow_staff,
    )
    if checked.problems:
        return PeopleImport(checked.problems, [])
    added: list[Membership] = []
    try:
        with transaction.atomic():
            for r in checked.rows:
                try:
                    added.append(
                        person_add(
                            acting_user=acting_user,
                            organisation=organisation,
                            role=r.role,
                            first_name=r.first_name,
                            last_name=r.last_name,
                            preferred_name=r.preferred_name,
                            email=r.email,
                            date_of_birth=r.date_of_birth,
                            in_care=r.in_care,
                            services=r.services,
                        )
                    )
                except ValidationError as error:
                    raise _RowFailed(r.line, error) from error
            audit_record(
                acting_user=acting_user,
                organisation=organisation,
                verb="people.import",
                target=organisation,
                details={
                    "rows": len(added),
                    "staff": sum(1 for r in checked.rows if r.role in STAFF),
                },
            )
    except _RowFailed as failed:
        return PeopleImport([ImportProblem(failed.line, m) for m in failed.error.messages], [])
    return PeopleImport([], added)


class _RowFailed(Exception):
    def __init__(self, line: int, error: ValidationError) -> None:
        super().__init__(line)
        self.line, self.error = line, error
