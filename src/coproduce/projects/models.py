"""Co-production projects: the cycle, sessions and attendance on the ladder, and
"You said – we did".

Stable names other apps use: Project, Session (date, start_time, duration_minutes),
Attendance (session, young_person → organisations.Membership, attended, rung).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.dates import event_date_problem
from coproduce.core.tenancy import TenantModel
from coproduce.projects.checklists import Answer, Stage
from coproduce.projects.ladders import Ladder


class ProjectSettings(TenantModel):
    """An organisation's choices for all its projects."""

    ladder = models.CharField(
        _("participation ladder"), max_length=20, choices=Ladder.choices, default=Ladder.HART
    )
    feedback_due_days = models.PositiveSmallIntegerField(
        _("days to give feedback on an idea"), default=28
    )
    public_board = models.BooleanField(
        _("publish a public “You said – we did” board (no names, no photos)"),
        default=False,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="project_settings_one_per_org"),
            models.CheckConstraint(
                condition=Q(feedback_due_days__gte=1), name="feedback_due_days_positive"
            ),
        ]


class Form(models.TextChoices):
    """Bovaird and Loeffler's eight forms of co-production."""

    CO_COMMISSIONING = "co_commissioning", _("Co-commissioning")
    CO_PLANNING = "co_planning", _("Co-planning of policy")
    CO_PRIORITISATION = "co_prioritisation", _("Co-prioritisation")
    CO_FINANCING = "co_financing", _("Co-financing")
    CO_DESIGN = "co_design", _("Co-design")
    CO_DELIVERY = "co_delivery", _("Co-delivery")
    CO_MANAGEMENT = "co_management", _("Co-management")
    CO_ASSESSMENT = "co_assessment", _("Co-assessment")


class Who(models.TextChoices):
    """Who designs and who delivers (nef's design × delivery matrix)."""

    PROFESSIONALS = "professionals", _("Professionals")
    TOGETHER = "together", _("Professionals and young people together")
    YOUNG_PEOPLE = "young_people", _("Young people")


class Project(TenantModel):
    service = models.ForeignKey(
        "organisations.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    name = models.CharField(_("name"), max_length=200)
    aims = models.TextField(_("aims"))
    forms = models.JSONField(_("forms of co-production"), default=list, blank=True)
    designed_by = models.CharField(
        _("who designs"), max_length=20, choices=Who.choices, default=Who.TOGETHER
    )
    delivered_by = models.CharField(
        _("who delivers"), max_length=20, choices=Who.choices, default=Who.TOGETHER
    )
    in_scope = models.TextField(_("what young people can decide"), blank=True)
    out_of_scope = models.TextField(_("what young people cannot decide, and why"), blank=True)
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.PLANNING
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(stage__in=Stage.values), name="project_stage_valid")
        ]
        # The projects list and the API, in name order a page at a time.
        indexes = [models.Index(fields=["organisation", "name", "id"], name="project_by_name")]

    def __str__(self) -> str:
        return self.name

    def get_forms_display(self) -> list[str]:
        labels = dict(Form.choices)
        return [str(labels[f]) for f in self.forms if f in labels]


class StageChange(TenantModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    open_items = models.PositiveSmallIntegerField(
        help_text="Checklist items unanswered or 'No' when it moved on."
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]


class ChecklistAnswer(TenantModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="checklist_answers")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    item = models.CharField(max_length=40)
    answer = models.CharField(max_length=20, choices=Answer.choices, blank=True)
    notes = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "stage", "item"], name="checklist_answer_once"
            )
        ]


class Reward(models.TextChoices):
    TRAINING = "training", _("Training")
    CREDITS = "credits", _("Time credits")
    ACCREDITATION = "accreditation", _("Accreditation")
    PAY = "pay", _("Pay or vouchers")


class RoleDescription(TenantModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(_("role title"), max_length=120)
    expectations = models.TextField(_("what we expect"))
    skills = models.TextField(_("skills that help (or that you will learn)"), blank=True)
    tasks = models.TextField(_("tasks"))
    meeting_frequency = models.CharField(_("how often we meet"), max_length=120)
    duration = models.CharField(_("how long the role lasts"), max_length=120)
    rewards = models.JSONField(_("what you get"), default=list, blank=True)
    reward_notes = models.TextField(_("more about what you get"), blank=True)

    def get_rewards_display(self) -> list[str]:
        labels = dict(Reward.choices)
        return [str(labels[r]) for r in self.rewards if r in labels]


class Session(TenantModel):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("length in minutes"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    activity = models.CharField(_("what we did"), max_length=300)

    class Meta:
        ordering = ["-date", "-start_time", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0) & Q(duration_minutes__lte=24 * 60),
                name="session_duration_sensible",
            ),
        ]
        # An organisation's sessions in a period, without reading all of them (20,000 at a council).
        indexes = [models.Index(fields=["organisation", "date"], name="session_by_date")]

    def __str__(self) -> str:
        return f"{self.activity} ({self.date:%d %b %Y})"

    def clean(self) -> None:
        problem = self.date and event_date_problem(self.date)
        if problem:
            raise ValidationError({"date": problem})


class Attendance(TenantModel):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="attendance"
    )
    attended = models.BooleanField(default=True)
    rung = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "young_person"], name="attendance_once"),
            models.CheckConstraint(
                condition=Q(rung__isnull=True) | (Q(rung__gte=1) & Q(rung__lte=8)),
                name="attendance_rung_1_to_8",
            ),
        ]
        indexes = [models.Index(fields=["young_person", "session"])]


class Barrier(models.TextChoices):
    TRANSPORT = "transport", _("Transport")
    TIMING = "timing", _("Timing")
    ACCESS = "access", _("Access needs")
    OTHER = "other", _("Something else")


class Inclusion(TenantModel):
    """What makes taking part hard for one young person on one project, and the help given."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="inclusion")
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    barriers = models.JSONField(_("barriers"), default=list, blank=True)
    barrier_notes = models.TextField(_("more about the barriers"), blank=True)
    meeting_preferences = models.CharField(_("best times to meet"), max_length=200, blank=True)
    support_given = models.TextField(_("support given"), blank=True)
    support_amount_pence = models.PositiveIntegerField(
        _("amount paid (pence)"), null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "young_person"], name="inclusion_once")
        ]


class Status(models.TextChoices):
    UNDER_CONSIDERATION = "considering", _("Under consideration")
    ADOPTED = "adopted", _("Adopted")
    PARTLY_ADOPTED = "partly", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class Response(TenantModel):
    """'We did': one answer, which may answer several similar ideas."""

    # No project: an answer to ideas for the organisation as a whole.
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="responses"
    )
    status = models.CharField(_("decision"), max_length=20, choices=Status.choices)
    reason = models.TextField(_("why not"), blank=True)
    action = models.TextField(_("what we did"), blank=True)
    feedback_given_on = models.DateField(_("feedback given on"), null=True, blank=True)
    feedback_method = models.CharField(_("how feedback was given"), max_length=200, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_adopted") | ~Q(reason=""),
                name="response_not_adopted_needs_reason",
            ),
        ]


class Source(models.TextChoices):
    SESSION = "session", _("Said in a session")
    YOUNG_PERSON = "young_person", _("Sent by a young person")
    ON_BEHALF = "on_behalf", _("Recorded by staff on their behalf")


class Idea(TenantModel):
    """'You said': an idea or view from young people; every one gets an answer."""

    # No project: an idea for the organisation as a whole.
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, null=True, blank=True, related_name="ideas"
    )
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="ideas"
    )
    text = models.TextField(_("the idea or view"))
    source = models.CharField(_("where it came from"), max_length=20, choices=Source.choices)
    author = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ideas",
    )
    group_name = models.CharField(_("or the group it came from"), max_length=120, blank=True)
    owner = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="owned_ideas"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField()
    response = models.ForeignKey(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="ideas"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(author__isnull=False) | ~Q(group_name=""), name="idea_attributed"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "due_on"])]

    def is_overdue(self, today: datetime.date) -> bool:
        answered = self.response is not None and (
            self.response.feedback_given_on is not None
            or self.response.status != Status.UNDER_CONSIDERATION
        )
        return not answered and today > self.due_on


class MonthlyHours(TenantModel):
    """Paid staff hours and young people's hours on a project in one month (the substitution check)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="monthly_hours")
    month = models.DateField(help_text="The first day of the month.")
    staff_hours = models.DecimalField(max_digits=8, decimal_places=2)
    young_people_hours = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="monthly_hours_once"),
            models.CheckConstraint(
                condition=Q(staff_hours__gte=0) & Q(young_people_hours__gte=0),
                name="monthly_hours_not_negative",
            ),
        ]


class JoinStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Not this time")


class JoinRequest(TenantModel):
    """A young person asks to join a project (in a role, or just to take part); staff answer."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="join_requests")
    role = models.ForeignKey(
        RoleDescription, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="join_requests"
    )
    message = models.TextField(_("anything you want to tell us"), blank=True)
    status = models.CharField(max_length=20, choices=JoinStatus.choices, default=JoinStatus.WAITING)
    reply = models.TextField(_("message to the young person"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "young_person"],
                condition=Q(status__in=["waiting", "accepted"]),
                name="join_request_one_open",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["waiting", "accepted", "declined"]),
                name="join_request_status_valid",
            ),
        ]


class Apology(TenantModel):
    """A young person says ahead of time that they cannot come to a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="apologies")
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "young_person"], name="apology_once")
        ]


# The register's summaries, kept by database triggers (their own module for length).
from coproduce.projects.register_summaries import RegisterMonth as RegisterMonth  # noqa: E402
from coproduce.projects.register_summaries import RegisterTotal as RegisterTotal  # noqa: E402
