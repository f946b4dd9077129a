"""Adding young people in bulk from a CSV file: every row checked first, all or none."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.core.imports import ImportProblem
from coproduce.organisations.roles import Role
from coproduce.organisations.selectors import people_for, services_for
from coproduce.organisations.services import person_add, validate_person

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation, Service

PEOPLE_COLUMNS = ["first_name", "last_name", "date_of_birth"]
OPTIONAL_COLUMNS = ["preferred_name", "email", "services", "in_care"]
MAX_ROWS = 500
YES = {"yes", "y", "true", "1"}
NO = {"", "no", "n", "false", "0"}


@dataclass
class PeopleImport:
    problems: list[ImportProblem]
    added: list[Membership]


@dataclass
class _Row:
    first_name: str
    last_name: str
    preferred_name: str
    email: str
    date_of_birth: datetime.date
    in_care: bool
    services: list[Service]


def _key(first: str, last: str, born: datetime.date | None) -> tuple[str, str, str]:
    return (first.casefold(), last.casefold(), born.isoformat() if born else "")


def people_import(
    *, acting_user: User, organisation: Organisation, text: str, allow_in_care: bool
) -> PeopleImport:
    """Young people from CSV (first_name,last_name,date_of_birth[,preferred_name,email,
    services,in_care]). Every row is checked (with people already on the books and other rows
    of the file, by name and date of birth); if any row is wrong nobody is added and every
    problem is listed with its line number."""
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in (reader.fieldnames or [])]
    reader.fieldnames = columns
    missing = [c for c in PEOPLE_COLUMNS if c not in columns]
    if missing:
        return PeopleImport(
            [ImportProblem(1, _("Missing columns: %(cols)s") % {"cols": ", ".join(missing)})], []
        )
    if "in_care" in columns and not allow_in_care:
        return PeopleImport([ImportProblem(1, _("You cannot record who is in care"))], [])
    services = {s.name.casefold(): s for s in services_for(organisation=organisation)}
    known = {
        _key(m.user.first_name, m.user.last_name, m.user.date_of_birth)
        for m in people_for(organisation=organisation, role=Role.YOUNG_PERSON)
    }
    today = datetime.date.today()  # noqa: DTZ011 - a birthday is a calendar date
    problems: list[ImportProblem] = []
    rows: list[_Row] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, raw in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            problems.append(
                ImportProblem(line, _("Import at most %(n)s people at a time") % {"n": MAX_ROWS})
            )
            break
        row = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue  # a blank line
        first, last = row.get("first_name", ""), row.get("last_name", "")
        if not first:
            problems.append(ImportProblem(line, _("Enter a first name")))
        if not last:
            problems.append(ImportProblem(line, _("Enter a last name")))
        if len(first) > 150 or len(last) > 150 or len(row.get("preferred_name", "")) > 150:
            problems.append(ImportProblem(line, _("Names must be 150 characters or fewer")))
        born: datetime.date | None = None
        try:
            born = datetime.date.fromisoformat(row.get("date_of_birth", ""))
        except ValueError:
            problems.append(ImportProblem(line, _("Write the date of birth as YYYY-MM-DD")))
        email = row.get("email", "")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(
                    ImportProblem(line, _("Enter a real email address, or leave it empty"))
                )
        in_care_text = row.get("in_care", "").casefold()
        if in_care_text not in YES | NO:
            problems.append(ImportProblem(line, _("Write yes or no for in care")))
        chosen = []
        for name in filter(None, (n.strip() for n in row.get("services", "").split(";"))):
            if name.casefold() in services:
                chosen.append(services[name.casefold()])
            else:
                problems.append(ImportProblem(line, _("No service called '%(s)s'") % {"s": name}))
        if born is not None:
            try:
                validate_person(
                    role=Role.YOUNG_PERSON,
                    email=email,
                    date_of_birth=born,
                    in_care=in_care_text in YES,
                    today=today,
                )
            except ValidationError as error:
                problems.extend(ImportProblem(line, m) for m in error.messages)
            key = _key(first, last, born)
            if key in known:
                problems.append(
                    ImportProblem(
                        line, _("A young person with this name and date of birth is already here")
                    )
                )
            elif key in seen:
                problems.append(
                    ImportProblem(line, _("The same person as line %(n)s") % {"n": seen[key]})
                )
            seen.setdefault(key, line)
            rows.append(
                _Row(
                    first,
                    last,
                    row.get("preferred_name", ""),
                    email,
                    born,
                    in_care_text in YES,
                    chosen,
                )
            )
    if not rows and not problems:
        problems.append(ImportProblem(2, _("The file has no one in it")))
    if problems:
        return PeopleImport(problems, [])
    with transaction.atomic():
        added = [
            person_add(
                acting_user=acting_user,
                organisation=organisation,
                role=Role.YOUNG_PERSON,
                first_name=r.first_name,
                last_name=r.last_name,
                preferred_name=r.preferred_name,
                email=r.email,
                date_of_birth=r.date_of_birth,
                in_care=r.in_care,
                services=r.services,
            )
            for r in rows
        ]
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="people.import",
            target=organisation,
            details={"rows": len(added)},
        )
    return PeopleImport([], added)
