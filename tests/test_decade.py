"""`load_decade` fills a database with a decade of published record on top of the demo, through
the release rules the public pages read, at a small scale here (`--scale 0.01`)."""

import pytest
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse

from decisions.models import Decision
from panel.models import AgendaPack, Meeting
from pcc_portal.publications.models import Version
from performance.models import DataPoint
from plans.models import Plan
from transparency.models import SearchEntry, SpendingUpload

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def decade(django_db_setup, django_db_blocker):
    """One load for the module's tests (it takes a while), undone after them."""
    import io

    from django.db import connection, transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        output = io.StringIO()
        # Inside this test transaction nothing commits: run what waits for a commit (the
        # demo's renders, the packs' builds) as a commit would.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_decade", scale=0.01, seed=7, stdout=output, stderr=io.StringIO())
        try:
            yield output.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            connection.close()


def test_the_decade_is_published_through_versions_sharing_one_pdf(decade):
    assert "Decade loaded in" in decade
    decade_decisions = Decision.objects.exclude(financial_year=2021)
    assert decade_decisions.count() >= 25
    public = Decision.objects.public()
    assert public.count() == Decision.objects.published().count()
    versions = Version.objects.filter(document_type="decision", object_id__in=decade_decisions)
    decade_pdfs = {v.pdf.name for v in versions.filter(pdf__startswith="publications/decade-")}
    assert len(decade_pdfs) == 1  # one template PDF, reused
    assert all(v.status == Version.Status.READY and v.sha256 for v in versions)
    # Ten financial years, each numbered from 1.
    numbered = Decision.objects.filter(financial_year__isnull=False)  # not the demo's drafts
    years = set(numbered.values_list("financial_year", flat=True))
    assert years == set(range(2016, 2026))
    assert Decision.objects.filter(financial_year=2016, number=1).exists()


def test_restricted_decisions_are_listed_but_never_searchable(decade):
    restricted = Decision.objects.filter(is_restricted=True)
    assert restricted.exists()
    assert not SearchEntry.objects.filter(
        kind="decision", object_id__in=restricted.values("pk")
    ).exists()
    unrestricted = Decision.objects.public().filter(is_restricted=False)
    assert SearchEntry.objects.filter(kind="decision").count() == unrestricted.count()


def test_meetings_plan_figures_and_spending_are_public(decade):
    assert Meeting.objects.count() >= 2
    packs = AgendaPack.objects.public()
    assert packs.count() >= 2
    plan = Plan.objects.public().get(slug="police-and-crime-plan-2025-2029")
    assert DataPoint.objects.public().filter(measure__plan=plan).exists()
    assert SpendingUpload.objects.public().exists()


def test_the_public_pages_answer_with_the_decade_loaded(decade):
    client = Client()
    decision = Decision.objects.public().filter(financial_year=2018).first()
    meeting = AgendaPack.objects.public().order_by("-meeting__date").first().meeting
    for url in [
        reverse("home"),
        reverse("decisions:register"),
        decision.get_absolute_url(),
        meeting.get_absolute_url(),
        reverse("performance:dashboard"),
        "/plans/police-and-crime-plan-2025-2029/",
        "/plans/police-and-crime-plan-2025-2029/priorities/1/",
        "/search/?q=victims",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert decision.title in client.get(decision.get_absolute_url()).content.decode()


def test_scale_must_be_sensible():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_decade", scale=0)
