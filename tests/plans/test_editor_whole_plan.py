"""The staff editor for a plan as a whole: its preview, progress on its commitments, copying it
for the next term, the dashboard, its address once published, and deleting it."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from pcc_portal.publications import services as publishing
from plans.models import Commitment, Plan, Stage
from tests.plans.editor_helpers import PLAN_DATA, _url
from tests.plans.factories import CommitmentFactory, PlanFactory, PriorityFactory
from tests.plans.helpers import full_plan

# Preview ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_preview_is_exactly_what_publishing_would_freeze(signed_in):
    plan = full_plan()
    page = signed_in.get(_url("preview", pk=plan.pk)).content.decode()
    frozen = publishing.freeze(obj=plan)[0]
    assert frozen.strip() in page
    assert "Priority 2: Disrupting and dismantling organised crime" in page


@pytest.mark.django_db
def test_the_pdf_preview_renders_the_draft(signed_in):
    plan = PlanFactory()
    PriorityFactory(plan=plan, number=1, title="Targeting dangerous drivers")
    response = signed_in.get(_url("preview_pdf", pk=plan.pk))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


# Delivery progress --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_dated_progress_note_sets_the_commitment_status(signed_in, editor):
    commitment = CommitmentFactory()
    plan = commitment.priority.plan
    url = _url("progress", pk=plan.pk, item=commitment.pk)
    response = signed_in.post(
        url, {"status": "in_progress", "date": "2021-12-06", "note": "Two counters reopened."}
    )
    assert response.status_code == 302
    signed_in.post(url, {"status": "delivered", "date": "2022-03-01", "note": "All open."})
    # An older note added later does not override the latest-dated one.
    signed_in.post(url, {"status": "not_started", "date": "2021-06-01", "note": "Planned."})
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.DELIVERED
    notes = list(commitment.progress_notes.values_list("date", "recorded_by"))
    assert notes[0] == (datetime.date(2022, 3, 1), editor.pk)
    page = signed_in.get(url).content.decode()
    assert page.index("All open.") < page.index("Two counters reopened.") < page.index("Planned.")


@pytest.mark.django_db
def test_a_progress_note_needs_text_and_a_date_not_in_the_future(signed_in):
    commitment = CommitmentFactory()
    url = _url("progress", pk=commitment.priority.plan_id, item=commitment.pk)
    tomorrow = timezone.localdate() + datetime.timedelta(days=2)
    response = signed_in.post(
        url, {"status": "delivered", "date": tomorrow.isoformat(), "note": "Kept text"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "cannot be in the future" in page and "Kept text" in page
    response = signed_in.post(url, {"status": "delivered", "date": "2021-12-06", "note": ""})
    assert response.status_code == 400
    assert not commitment.progress_notes.exists()


# Copying ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_copying_a_plan_starts_the_next_term_with_its_structure(signed_in, editor):
    plan = full_plan(slug="plan-2021")
    commitment = plan.priorities.get(number=1).commitments.get()
    commitment.status = Commitment.Status.DELIVERED
    commitment.save()
    form = signed_in.get(_url("copy", pk=plan.pk)).content.decode()
    # The next term starts when this one ends (31 March 2025, in the date input's boxes).
    assert 'name="term_start_0" value="31"' in form and 'name="term_start_2" value="2025"' in form
    response = signed_in.post(
        _url("copy", pk=plan.pk),
        {"title": "Police and Crime Plan 2025-2029", "slug": "plan-2025",
         "commissioner": "Clive Grunshaw", "term_start": "2025-03-31",
         "term_end": "2029-05-01"},
    )  # fmt: skip
    copy = Plan.objects.get(slug="plan-2025")
    assert response["Location"] == copy.get_manage_url()
    assert copy.copied_from == plan and copy.stage == Stage.DRAFT
    assert copy.steps.get().note == f"Copied from \u201c{plan}\u201d."
    assert list(copy.sections.values_list("title", flat=True)) == list(
        plan.sections.values_list("title", flat=True)
    )
    assert list(copy.priorities.values_list("number", "title")) == list(
        plan.priorities.values_list("number", "title")
    )
    copied = copy.priorities.get(number=1)
    assert copied.commitments.get().status == Commitment.Status.NOT_STARTED
    assert copied.accountability_items.count() == 1
    assert copied.measures.get().wording == "Public confidence (1)"
    assert copy.measures.filter(is_national=True, priority=None).count() == 1
    assert not copy.revenue_figures.exists() and not copy.capital_lines.exists()
    assert not copy.versions.exists()
    # The original is untouched.
    assert plan.priorities.get(number=1).commitments.get().status == "delivered"


@pytest.mark.django_db
def test_copying_to_a_slug_in_use_is_refused_beside_the_field(signed_in):
    plan = full_plan(slug="plan-2021")
    response = signed_in.post(
        _url("copy", pk=plan.pk),
        {"title": "Copy", "slug": "plan-2021", "commissioner": "A", "term_start": "2025-04-01",
         "term_end": "2029-04-01"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "already exists" in response.content.decode()
    assert Plan.objects.count() == 1


# Dashboard ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_dashboard_lists_plans_needing_attention(signed_in):
    full_plan(title="Police and Crime Plan 2025-2029")
    page = signed_in.get(reverse("manage:dashboard")).content.decode()
    assert "Police and Crime Plan 2025-2029" in page
    assert "Chief Constable consulted" in page
    assert "Manage plans" in page


@pytest.mark.django_db
def test_staff_are_told_when_the_draft_differs_from_what_the_public_sees(signed_in):
    from tests.plans.helpers import issue

    plan = full_plan()
    issue(plan)
    plan.refresh_from_db()
    assert not plan.has_unpublished_changes()
    commitment = plan.priorities.get(number=1).commitments.get()
    commitment.delete()
    assert plan.has_unpublished_changes()
    page = signed_in.get(plan.get_manage_url()).content.decode()
    assert "The draft has changes the public does not see yet." in page
    dashboard = signed_in.get(reverse("manage:dashboard")).content.decode()
    assert "has changes the public does not see yet" in dashboard


@pytest.mark.django_db
def test_the_plan_page_counts_commitments_by_delivery_status(signed_in):
    plan = full_plan()
    commitment = plan.priorities.get(number=1).commitments.get()
    commitment.status = Commitment.Status.DELIVERED
    commitment.save()
    page = signed_in.get(plan.get_manage_url()).content.decode()
    delivery = page.split('id="delivery"')[1]
    assert re.search(r"Not started</dt>\s*<dd[^>]*>1 commitment<", delivery)
    assert re.search(r"Delivered</dt>\s*<dd[^>]*>1 commitment<", delivery)


# The address, and deleting a plan -----------------------------------------------------------


@pytest.mark.django_db
def test_a_published_plans_address_cannot_change(signed_in):
    from tests.plans.helpers import issue

    plan = full_plan(slug="lancs")
    issue(plan)
    data = {**PLAN_DATA, "slug": "moved"}
    response = signed_in.post(_url("edit", pk=plan.pk), data)
    assert "the address cannot change once the plan has been published" in (
        response.content.decode()
    )
    plan.refresh_from_db()
    assert plan.slug == "lancs"
    response = signed_in.post(_url("edit", pk=plan.pk), {**PLAN_DATA, "slug": "lancs"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == PLAN_DATA["title"]


@pytest.mark.django_db
def test_a_draft_plan_can_be_deleted_but_a_published_one_stays(signed_in):
    from tests.plans.helpers import issue

    draft = full_plan(slug="mistake")
    url = _url("delete", pk=draft.pk)
    assert "This cannot be undone." in signed_in.get(url).content.decode()
    assert signed_in.post(url)["Location"] == _url("list")
    assert not Plan.objects.filter(slug="mistake").exists()

    published = full_plan(slug="published")
    issue(published)
    url = _url("delete", pk=published.pk)
    assert "its versions are the public record" in signed_in.get(url).content.decode()
    response = signed_in.post(url)
    assert response.status_code == 400
    assert "its versions are the public record" in response.content.decode()
    assert Plan.objects.filter(slug="published").exists()
