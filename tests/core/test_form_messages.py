"""Scenario: Sam records a session in a hurry (issue 26). An empty form tells him what each
box needs, by name, never "This field is required."; a time typed the way people write it
("6.30pm", "18:30", "1830", "6pm") is understood; one that is not says what to type."""

from __future__ import annotations

import datetime
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.utils import timezone, translation

import coproduce
from coproduce.core.forms import DateField, TimeField
from coproduce.organisations.models import Membership
from coproduce.projects.forms import SessionForm
from coproduce.safeguarding.forms import ConcernForm
from tests.conftest import client_for
from tests.scenarios import a_project


def test_an_empty_session_form_names_each_box_it_needs() -> None:
    form = SessionForm(data={})
    assert not form.is_valid()
    assert form.errors["date"] == ["Enter the date"]
    assert form.errors["duration_minutes"] == ["Enter the length in minutes"]
    assert form.errors["activity"] == ["Enter what we did"]
    assert "This field is required." not in str(form.errors)


def test_in_welsh_too_an_empty_box_names_itself() -> None:
    with translation.override("cy"):
        generic = translation.gettext("This field is required.")
        errors = SessionForm(data={}).errors
    assert generic != "This field is required."  # Django's own Welsh
    assert generic not in str(errors)


class _Choices(forms.Form):
    role = forms.ChoiceField(label="Role", choices=[("a", "A")])
    who = forms.ChoiceField(label="Who is the concern about?", choices=[("a", "A")])
    agree = forms.BooleanField(label="I have read the guidance")
    api_key = forms.CharField(label="API key")
    start = DateField(label="From")
    quiet_from = TimeField(label="No texts from (24-hour clock)")
    told = forms.CharField(label="Who did you tell?")
    own = forms.CharField(label="Name", error_messages={"required": "Enter your full name"})


def test_choices_questions_and_boxes_each_get_a_message_that_fits() -> None:
    errors = _Choices(data={}).errors
    assert errors["role"] == ["Select the role"]
    assert errors["who"] == ["Select an answer to “Who is the concern about?”"]
    assert errors["agree"] == ["Select “I have read the guidance” to carry on"]
    assert errors["api_key"] == ["Enter the API key"]
    assert errors["start"] == ["Enter the date for “From”"]
    assert errors["quiet_from"] == ["Enter a time for “No texts from”"]
    assert errors["told"] == ["Enter your answer to “Who did you tell?”"]
    assert errors["own"] == ["Enter your full name"]  # a form's own message stays


def _forms_that_build_with_data_alone() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for module_info in pkgutil.walk_packages(coproduce.__path__, "coproduce."):
        name = module_info.name
        if not (name.endswith(".forms") or name.endswith("_forms")):
            continue
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name:
                found[f"{name}.{cls.__name__}"] = cls
    return list(found.values())


@pytest.mark.django_db
def test_no_form_in_the_product_says_this_field_is_required() -> None:
    checked = 0
    for form_class in _forms_that_build_with_data_alone():
        try:
            form = form_class(data={})
        except (TypeError, KeyError, ValueError):
            continue  # needs an organisation or a person: covered by their own pages' tests
        form.is_valid()
        for field_errors in form.errors.values():
            assert "This field is required." not in field_errors, form_class
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6.30pm", datetime.time(18, 30)),
        ("6:30 pm", datetime.time(18, 30)),
        ("6.30 p.m.", datetime.time(18, 30)),
        ("18:30", datetime.time(18, 30)),
        ("18.30", datetime.time(18, 30)),
        ("1830", datetime.time(18, 30)),
        ("6pm", datetime.time(18, 0)),
        ("6 PM", datetime.time(18, 0)),
        ("9am", datetime.time(9, 0)),
        ("12pm", datetime.time(12, 0)),
        ("12am", datetime.time(0, 0)),
        ("noon", datetime.time(12, 0)),
        ("930", datetime.time(9, 30)),
        ("09:05", datetime.time(9, 5)),
    ],
)
def test_a_time_typed_the_way_people_write_it_is_understood(
    typed: str, expected: datetime.time
) -> None:
    form = SessionForm(
        data={
            "date_day": "27",
            "date_month": "3",
            "date_year": "2027",
            "start_time": typed,
            "duration_minutes": "90",
            "activity": "Planning the summer trip",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["start_time"] == expected


@pytest.mark.parametrize("typed", ["6.30pmm", "25:00", "13pm", "18:75", "half six", "0pm"])
def test_a_time_it_cannot_read_says_how_to_write_one(typed: str) -> None:
    form = SessionForm(data={"start_time": typed})
    assert form.errors["start_time"] == ["Enter a time like 6:30pm or 18:30"]


def test_a_saved_time_shows_as_hours_and_minutes() -> None:
    form = SessionForm(initial={"start_time": datetime.time(18, 30)})
    assert 'value="18:30"' in str(form["start_time"])


def test_a_new_session_and_a_new_concern_are_dated_today_with_an_example() -> None:
    today = timezone.localdate()
    session = str(SessionForm()["date"])
    assert f'value="{today.day}"' in session and f'value="{today.year}"' in session
    concern = ConcernForm.base_fields["on"]
    assert concern.initial is timezone.localdate
    hint = str(DateField(label="Date").help_text)
    assert hint == f"For example, 27 3 {today.year}"


@pytest.mark.django_db
def test_the_session_page_shows_specific_messages_in_the_summary_and_by_each_box(
    practitioner: Membership,
) -> None:
    project = a_project(practitioner)
    client = client_for(practitioner)
    url = f"/projects/{project.pk}/sessions/add/"
    page = client.post(
        url, {"date_day": "", "date_month": "", "date_year": "", "start_time": "6.3"}
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "This field is required." not in html
    assert html.count("Enter the length in minutes") == 2  # the summary and the box
    assert html.count("Enter a time like 6:30pm or 18:30") == 2
