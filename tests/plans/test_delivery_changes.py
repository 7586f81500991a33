"""Every delivery update of a plan after the first has a public comparison with the one before
(the commitments tracker's statuses and progress, cell by cell), linked from the tracker's list
of delivery updates; a withdrawn update answers 410 with its notice."""

import datetime

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from plans import services
from plans.models import Commitment, DeliveryReport
from tests.access import AccessRule
from tests.plans.helpers import (
    decision_maker_user,
    full_plan,
    issue,
    published_plan,
    render_version,
)
from tests.publications.comparisons import linked_comparison

pytestmark = pytest.mark.django_db

NOTE = "The Safer Neighbourhoods Fund opened to applications."


def _changes(number, slug="tracked"):
    return reverse("plans:delivery_version_changes", kwargs={"slug": slug, "number": number})


@pytest.fixture
def plan(decision_maker, fast_pdfs):
    plan = published_plan(slug="tracked", by=decision_maker)
    return plan


def _update(plan, by, note):
    return render_version(services.release_delivery_update(plan=plan, by=by, note=note))


def _delivered(plan, by):
    commitment = Commitment.objects.get(priority__plan=plan, priority__number=1)
    services.record_progress(
        commitment=commitment, status=Commitment.Status.DELIVERED,
        date=datetime.date(2022, 3, 1), note=NOTE, by=by,
    )  # fmt: skip


def test_a_later_delivery_update_shows_what_changed_against_the_one_before(
    client, plan, decision_maker
):
    assert client.get(_changes(1)).status_code == 404  # no update released yet
    _update(plan, decision_maker, "First update")
    page = client.get("/plans/tracked/commitments/").content.decode()
    assert "Published delivery updates" in page
    assert _changes(1) not in page  # the first update has nothing before it
    assert client.get(_changes(1)).status_code == 404

    _delivered(plan, decision_maker)
    _update(plan, decision_maker, "Progress to March 2022")
    html = linked_comparison(client, "/plans/tracked/commitments/", _changes(2))
    assert "What changed in version 2" in html and "Progress to March 2022" in html
    assert '<span class="govuk-visually-hidden">now: </span>Delivered' in html
    assert NOTE in html
    assert client.get(_changes(3)).status_code == 404


def test_a_withdrawn_delivery_update_answers_its_comparison_with_the_notice(
    client, plan, decision_maker
):
    _update(plan, decision_maker, "First update")
    _delivered(plan, decision_maker)
    _update(plan, decision_maker, "Progress to March 2022")
    report = DeliveryReport.objects.get(plan=plan)
    publishing.withdraw(obj=report, by=decision_maker, reason="A note named a victim.")
    response = client.get(_changes(2))
    assert response.status_code == 410
    body = response.content.decode()
    assert "A note named a victim." in body and NOTE not in body


class TestDeliveryVersionChangesAccess(AccessRule):
    url_name = "plans:delivery_version_changes"
    allowed_status = (404,)  # the first update has nothing before it; comparisons: above

    def make_url_kwargs(self):
        plan = full_plan(slug="compared-delivery")
        issue(plan)
        _update(plan, decision_maker_user(), "First update")
        return {"slug": plan.slug, "number": 1}
