"""Writes for one assessment: start it, save answers (corrections once submitted), submit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.assessments.frameworks import version_freeze
from coproduce.assessments.models import (
    Assessment,
    BandDescriptor,
    Checklist,
    Indicator,
    Level,
    Perspective,
    Reflection,
    Round,
    Score,
    ScoreCorrection,
    Status,
    levels_offered,
)
from coproduce.audit.services import audit_record

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Service

MIN_EXAMPLE_WORDS = 8
MIN_EXAMPLE_CHARS = 40


def assessment_start(
    *,
    acting_user: User | None,
    round_: Round,
    respondent: Membership,
    perspective: str,
    project: Service | None = None,
    led_by: Membership | None = None,
    levels: list[str] | None = None,
) -> Assessment:
    """Start (or resume) a respondent's assessment in a round. Staff choose the levels they
    answer at (their own practice, their project, their organisation: any or all, as the
    guide offers them); by default every level offered."""
    if not round_.is_open:
        raise ValidationError(_("This round has closed."))
    offered = levels_offered(perspective, round_.version.scale)
    chosen = [level for level in offered if level in (levels or [])]
    if levels is not None and not chosen:
        raise ValidationError({"levels": _("Choose at least one level to answer at")})
    if levels is not None and len(chosen) != len(set(levels)):
        raise ValidationError({"levels": _("Choose from the levels offered")})
    existing = Assessment.objects.filter(
        round=round_, respondent=respondent, perspective=perspective
    ).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        assessment = Assessment(
            organisation=round_.organisation,
            round=round_,
            respondent=respondent,
            perspective=perspective,
            project=project,
            led_by=led_by,
            chosen_levels=[] if chosen == offered else chosen,
        )
        assessment.full_clean()
        assessment.save()
        version_freeze(round_.version)
        audit_record(
            acting_user=acting_user,
            organisation=round_.organisation,
            verb="assessment.start",
            target=assessment,
            details={"round": round_.pk, "perspective": perspective, "levels": chosen or offered},
        )
    return assessment


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def example_is_generic(example: str, *, others: list[str], descriptors: list[str]) -> bool:
    """The guide's rule: an example that is very short, repeats another word for word, or
    copies the band description is generic (consider reassessing)."""
    text = _normalise(example)
    if not text:
        return False
    if len(text) < MIN_EXAMPLE_CHARS or len(text.split()) < MIN_EXAMPLE_WORDS:
        return True
    if any(text == _normalise(other) for other in others):
        return True
    return any(text == _normalise(d) for d in descriptors)


def _refresh_generic_flags(assessment: Assessment) -> None:
    scores = list(assessment.scores.all())
    descriptors = list(
        BandDescriptor.objects.filter(version=assessment.round.version_id).values_list(
            "descriptor", flat=True
        )
    )
    for score in scores:
        others = [s.example for s in scores if s.pk != score.pk and s.example]
        flag = example_is_generic(score.example, others=others, descriptors=descriptors)
        if flag != score.generic:
            Score.objects.filter(pk=score.pk).update(generic=flag)


@dataclass
class Answer:
    level: str
    value: int | None = None
    answer: str = ""
    example: str = ""


def _check_answer(indicator: Indicator, entry: Answer, levels: list[str]) -> None:
    if entry.level not in levels:
        raise ValidationError({f"{entry.level}": _("This level is not part of the assessment")})
    if indicator.version.is_banded:
        if entry.value is not None and not 1 <= entry.value <= 9:
            raise ValidationError(
                {
                    f"value_{entry.level}": _("Enter a score from 1 to 9 (you entered %(v)s)")
                    % {"v": entry.value}
                }
            )
        entry.answer = ""
    elif indicator.version.is_pathways:
        # Shier's questions are yes or no: a level is reached at a stage or it is not.
        if entry.answer and entry.answer not in (Checklist.YES, Checklist.NO):
            raise ValidationError({f"answer_{entry.level}": _("Choose yes or no")})
        entry.value = None
    else:
        if entry.answer and entry.answer not in Checklist.values:
            raise ValidationError({f"answer_{entry.level}": _("Choose yes, no or needs more work")})
        entry.value = None


def _score_create(score: Score) -> Score:
    """Insert a new score; if another save (a background save and a button at once, or a
    second tab) created it a moment ago, write this one, the later, over it."""
    try:
        with transaction.atomic():
            score.save(force_insert=True)
        return score
    except IntegrityError:
        existing = Score.objects.select_for_update().get(
            assessment=score.assessment, indicator=score.indicator, level=score.level
        )
        existing.value, existing.answer, existing.example = score.value, score.answer, score.example
        existing.updated_at = score.updated_at
        existing.save(update_fields=["value", "answer", "example", "updated_at"])
        return existing


def answers_save(
    *,
    acting_user: User | None,
    assessment: Assessment,
    indicator: Indicator,
    answers: list[Answer],
    reflection: str | None = None,
    reason: str = "",
    corrected_by: Membership | None = None,
) -> Assessment:
    """Save one indicator's answers. A draft saves whatever is there (examples optional);
    on a submitted assessment each change is a correction that keeps the earlier answer."""
    if indicator.version_id != assessment.round.version_id:
        raise ValidationError(_("That indicator is not in this framework version"))
    if not assessment.round.is_open:
        raise ValidationError(_("This round has closed."))
    levels = assessment.levels
    for entry in answers:
        _check_answer(indicator, entry, levels)
    submitted = assessment.is_submitted
    with transaction.atomic():
        corrections = []
        for entry in answers:
            score = Score.objects.filter(
                assessment=assessment, indicator=indicator, level=entry.level
            ).first()
            if score is None:
                score = Score(
                    organisation=assessment.organisation,
                    assessment=assessment,
                    indicator=indicator,
                    level=entry.level,
                )
            before = (score.value, score.answer, score.example)
            after = (entry.value, entry.answer, entry.example.strip())
            if score.pk and before == after:
                continue
            if submitted:
                if (
                    not after[2]
                    and assessment.perspective == Perspective.STAFF
                    and not indicator.version.is_pathways
                ):
                    raise ValidationError(
                        {f"example_{entry.level}": _("Give a practical example for this score")}
                    )
                if not reason.strip():
                    raise ValidationError(
                        {"reason": _("Say why you are correcting a submitted answer")}
                    )
            if submitted and score.pk:
                corrections.append((score, before))
            score.value, score.answer, score.example = after
            score.updated_at = timezone.now()
            # The range is checked above; one score per level is the database's to decide
            # (two saves at once both pass a check made here: _score_create).
            score.full_clean(validate_unique=False, validate_constraints=False)
            if score.pk:
                score.save()
            else:
                score = _score_create(score)
        for score, (value, answer, example) in corrections:
            ScoreCorrection.objects.create(
                organisation=assessment.organisation,
                score=score,
                previous_value=value,
                previous_answer=answer,
                previous_example=example,
                reason=reason.strip(),
                corrected_by=corrected_by or assessment.respondent,
            )
            audit_record(
                acting_user=acting_user,
                organisation=assessment.organisation,
                verb="score.correct",
                target=score,
                changed_fields=["value", "answer", "example"],
                details={
                    "indicator": indicator.key,
                    "level": score.level,
                    "before": value if value is not None else answer,
                    "after": score.value if score.value is not None else score.answer,
                },
            )
        if reflection is not None:
            Reflection.objects.update_or_create(
                organisation=assessment.organisation,
                assessment=assessment,
                indicator=indicator,
                defaults={"text": reflection.strip()},
            )
        _refresh_generic_flags(assessment)
        if not corrections:
            audit_record(
                acting_user=acting_user,
                organisation=assessment.organisation,
                verb="assessment.save",
                target=assessment,
                changed_fields=["scores"],
                details={"indicator": indicator.key},
            )
    return assessment


@dataclass(frozen=True)
class Missing:
    """One thing that stops a submit: an indicator's score (or answer) at a level, or the
    practical example that backs it."""

    indicator: Indicator
    level: str
    example_only: bool

    @property
    def field(self) -> str:
        """The form field on the indicator's page, for a link that lands on it."""
        if self.example_only:
            return f"id_example_{self.level}"
        kind = "value" if self.indicator.version.is_banded else "answer"
        return f"id_{kind}_{self.level}_0"

    def text(self, *, young: bool) -> str:
        if young:
            title = {"indicator": self.indicator.young_title}
            if self.indicator.version.is_banded:
                return _("%(indicator)s: choose how true this is") % title
            return _("%(indicator)s: choose an answer") % title
        names = {"indicator": self.indicator.title, "level": Level(self.level).label}
        if self.example_only:
            return _("%(indicator)s – %(level)s: give a practical example") % names
        if self.indicator.version.is_banded:
            return _("%(indicator)s – %(level)s: choose a score") % names
        return _("%(indicator)s – %(level)s: choose an answer") % names


def submit_problems(assessment: Assessment) -> list[Missing]:
    """What stops an assessment being submitted, in framework order."""
    scores = {(s.indicator_id, s.level): s for s in assessment.scores.all()}
    problems: list[Missing] = []
    # Every staff score is backed by an example (the nef guide); Shier's yes/no questions
    # ask for none.
    needs_example = (
        assessment.perspective == Perspective.STAFF and not assessment.round.version.is_pathways
    )
    for indicator in assessment.round.version.indicators.all():
        for level in assessment.levels:
            score = scores.get((indicator.pk, level))
            if score is None or not score.is_answered:
                problems.append(Missing(indicator, level, example_only=False))
            elif needs_example and not score.example.strip():
                problems.append(Missing(indicator, level, example_only=True))
    return problems


def assessment_submit(*, acting_user: User | None, assessment: Assessment) -> Assessment:
    """Submit: every indicator answered at every level, each staff score with an example.
    A refused submit leaves the draft exactly as it was."""
    if assessment.is_submitted:
        return assessment
    problems = submit_problems(assessment)
    if problems:
        young = assessment.perspective == Perspective.YOUNG_PEOPLE
        raise ValidationError([problem.text(young=young) for problem in problems])
    with transaction.atomic():
        assessment.status = Status.SUBMITTED
        assessment.submitted_at = timezone.now()
        assessment.full_clean()
        assessment.save()
        audit_record(
            acting_user=acting_user,
            organisation=assessment.organisation,
            verb="assessment.submit",
            target=assessment,
            details={"round": assessment.round_id},
        )
    return assessment
