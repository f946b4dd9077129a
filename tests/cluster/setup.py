"""Run by deploy/cluster-test.sh in `coproduce shell` after the demo: test data the web pages
cannot make (a 200 MB film, over the upload limit; an address for Kai), printed as JSON."""

import json
import math
import os
from pathlib import Path

import boto3
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from coproduce.core.tenancy import all_organisations
from coproduce.credits import selectors as credits_selectors
from coproduce.credits import services as credits
from coproduce.credits.models import Reward
from coproduce.media import services as media
from coproduce.organisations.models import Membership
from coproduce.projects.models import Project

work = Path(os.environ["CLUSTER_WORK"])
PRICE = 120
with all_organisations():
    people = {m.user.username: m for m in Membership.objects.select_related("user", "organisation")}
    staff, fran, kai = people["practitioner"], people["young"], people["kai"]
    get_user_model().objects.filter(pk=kai.user_id).update(email="kai@bryn-valley.example")

    # Fran can afford exactly 7 bookings of the climbing wall (two hours each), and 59 minutes.
    reward = Reward.objects.get(organisation=fran.organisation, name="Climbing wall session")
    assert reward.price_minutes == PRICE and reward.places is None
    balance = credits_selectors.balance_of(fran)[0]
    target = 7 * PRICE + 59
    assert balance <= target, balance
    if balance < target:
        credits.credits_award(
            acting_user=staff.user,
            membership=fran,
            minutes=target - balance,
            reason="Cluster test",
            idempotency_key="cluster:top-up",
        )
    balance = credits_selectors.balance_of(fran)[0]

    # Kai's next milestone is one award away: it sends him a notification, e-mailed by the worker.
    kai_hours = credits_selectors.balance_of(kai)[1] / 60
    milestone = next(
        m.hours
        for m in credits_selectors.milestones_for(organisation=kai.organisation)
        if m.hours > kai_hours
    )
    kai_award_hours = math.ceil(milestone - kai_hours) + 1
    assert kai_award_hours <= 24, kai_award_hours

    # A film stored before the 100 MB upload limit: a small one uploaded, its object replaced.
    project = Project.objects.filter(organisation=staff.organisation).order_by("pk").first()
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(4000)
    film = media.media_add(
        acting_user=staff.user,
        organisation=staff.organisation,
        kind="film",
        caption="The big film",
        file=SimpleUploadedFile("big.mp4", head),
        project=project,
    )
    client = boto3.client("s3", endpoint_url=os.environ["MEDIA_S3_ENDPOINT_URL"])
    client.upload_file(str(work / "film.bin"), settings.MEDIA_S3_BUCKET, film.file.name)

print(
    json.dumps(
        {
            "fran_balance": balance,
            "price": PRICE,
            "reward_id": reward.pk,
            "expected_bookings": balance // PRICE,
            "film_id": film.pk,
            "film_key": film.file.name,
            "film_size": (work / "film.bin").stat().st_size,
            "kai_membership_id": kai.pk,
            "kai_award_hours": kai_award_hours,
            "project_id": project.pk if project else None,
        }
    )
)
