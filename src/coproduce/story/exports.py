"""A young person's story as a PDF, made by `coproduce worker` (builder registered in apps.py;
the views only queue it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation

from coproduce.core.downloads import Built
from coproduce.organisations.selectors import get_person_for, language_of
from coproduce.story.selectors import story_of

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def story_pdf(organisation: Organisation, params: dict[str, Any]) -> Built:
    """In the young person's language, whoever downloads it; tagged (PDF/UA), so a screen
    reader reads it in order, headings and lists included."""
    from coproduce.core.pdf import tagged_pdf

    person = get_person_for(organisation=organisation, pk=params["membership_id"])
    if not person.is_young_person:
        raise Http404
    story = story_of(person)
    with translation.override(language_of(person)):
        html = render_to_string(
            "story/story_pdf.html", {"story": story, "today": timezone.localdate()}
        )
    return Built(tagged_pdf(html), "my-story.pdf", "application/pdf", inline=True)
