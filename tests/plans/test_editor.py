"""The staff editor: build a plan part by part, reorder with buttons, preview, report progress."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from pcc_portal.publications import services as publishing
from plans.models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Plan,
    Priority,
    RevenueFigure,
    Section,
    Stage,
)
from tests.plans.factories import (
    CommitmentFactory,
    MeasureFactory,
    PlanFactory,
    PriorityFactory,
    SectionFactory,
)
from tests.plans.helpers import full_plan


def _url(name, **kwargs):
    return reverse(f"plans_manage:{name}", kwargs=kwargs)


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


PLAN_DATA = {
    "title": "Police and Crime Plan 2021-2025",
    "slug": "police-and-crime-plan-2021-2025",
    "force_area": "Lancashire",
    "commissioner": "Andrew Snowden",
    "term_start": "2021-05-13",
    "term_end": "2025-03-31",
    "summary": "Leading the fight against crime.",
}


@pytest.mark.django_db
def test_an_editor_creates_a_draft_plan(signed_in, editor):
    response = signed_in.post(_url("create"), PLAN_DATA)
    plan = Plan.objects.get(slug="police-and-crime-plan-2021-2025")
    assert response.status_code == 302
    assert response["Location"] == plan.get_manage_url()
    assert plan.stage == Stage.DRAFT
    assert plan.steps.get().recorded_by == editor
    page = signed_in.get(plan.get_manage_url()).content.decode()
    assert "Not published yet" in page
    assert "Chief Constable consulted" in page


@pytest.mark.django_db
def test_a_bad_plan_form_keeps_what_was_typed_and_says_what_is_wrong(signed_in):
    data = {**PLAN_DATA, "slug": "not a slug!", "term_end": "2020-01-01"}
    response = signed_in.post(_url("create"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page
    assert "govuk-error-summary" in page
    assert "The term must end after it starts." in page
    assert "Andrew Snowden" in page and "Leading the fight against crime." in page
    assert not Plan.objects.exists()


PART_DATA = {
    "sections": {"title": "Foreword", "kind": "foreword", "placement": "before", "body": "Hi"},
    "priorities": {"title": "Targeting dangerous drivers", "summary": "", "narrative": "Text"},
    "revenue": {
        "kind": "band_d_precept",
        "label": "",
        "financial_year": "2021/22",
        "amount": "226.45",
        "note": "",
    },  # fmt: skip
    "capital": {
        "scheme": "Vehicle replacement",
        "financial_year": "2021/22",
        "amount_millions": "4.780",
    },  # fmt: skip
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PART_DATA)
def test_an_editor_adds_each_part_of_the_plan(signed_in, kind):
    plan = PlanFactory()
    response = signed_in.post(_url("part_create", pk=plan.pk, kind=kind), PART_DATA[kind])
    assert response.status_code == 302, response.content.decode()
    model = {"sections": Section, "priorities": Priority, "revenue": RevenueFigure,
             "capital": CapitalLine}[kind]  # fmt: skip
    assert model.objects.filter(plan=plan).count() == 1


@pytest.mark.django_db
def test_priorities_are_numbered_in_the_order_they_are_added(signed_in):
    plan = PlanFactory()
    for title in ["Anti-social behaviour", "Organised crime", "Domestic abuse"]:
        signed_in.post(
            _url("part_create", pk=plan.pk, kind="priorities"),
            {"title": title, "summary": "", "narrative": ""},
        )
    assert list(plan.priorities.values_list("number", "title")) == [
        (1, "Anti-social behaviour"), (2, "Organised crime"), (3, "Domestic abuse")
    ]  # fmt: skip


@pytest.mark.django_db
def test_commitments_accountability_items_and_measures_are_added_to_a_priority(signed_in):
    plan = PlanFactory()
    priority = PriorityFactory(plan=plan, number=1)
    create = _url("part_create", pk=plan.pk, kind="commitments")
    form = signed_in.get(create + f"?priority={priority.pk}").content.decode()
    assert f'value="{priority.pk}" selected' in form
    response = signed_in.post(create, {"priority": priority.pk, "wording": "Launch a fund."})
    assert response["Location"].startswith(_url("priority", pk=plan.pk, number=1))
    signed_in.post(create, {"priority": priority.pk, "wording": "Reopen front counters."})
    signed_in.post(
        _url("part_create", pk=plan.pk, kind="accountability"),
        {"priority": priority.pk, "wording": "Repeat offenders."},
    )
    signed_in.post(
        _url("part_create", pk=plan.pk, kind="measures"),
        {"wording": "Public confidence", "priority": priority.pk, "theme": "",
         "direction": "improve", "unit": "%"},
    )  # fmt: skip
    assert list(priority.commitments.values_list("wording", "order")) == [
        ("Launch a fund.", 1), ("Reopen front counters.", 2)
    ]  # fmt: skip
    assert AccountabilityItem.objects.get().priority == priority
    measure = Measure.objects.get()
    assert (measure.plan, measure.priority, measure.is_national) == (plan, priority, False)
    page = signed_in.get(_url("priority", pk=plan.pk, number=1)).content.decode()
    assert "Reopen front counters." in page and "Repeat offenders." in page


@pytest.mark.django_db
def test_a_measure_needs_a_priority_or_a_theme_and_the_error_is_beside_the_field(signed_in):
    plan = PlanFactory()
    response = signed_in.post(
        _url("part_create", pk=plan.pk, kind="measures"),
        {"wording": "Reduce neighbourhood crime", "priority": "", "theme": "",
         "direction": "reduce", "unit": "crimes", "is_national": "on"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose a priority, or enter the theme" in page
    assert "Reduce neighbourhood crime" in page
    assert not Measure.objects.exists()


@pytest.mark.django_db
def test_a_priority_of_another_plan_cannot_be_chosen(signed_in):
    plan, other = PlanFactory(), PlanFactory()
    foreign = PriorityFactory(plan=other, number=1)
    response = signed_in.post(
        _url("part_create", pk=plan.pk, kind="commitments"),
        {"priority": foreign.pk, "wording": "Sneaky"},
    )
    assert response.status_code == 400
    assert not Commitment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["2021", "2021/23", "21/22", "2021-22"])
def test_a_financial_year_must_be_written_like_2021_22(signed_in, year):
    plan = PlanFactory()
    data = {**PART_DATA["revenue"], "financial_year": year}
    response = signed_in.post(_url("part_create", pk=plan.pk, kind="revenue"), data)
    assert response.status_code == 400
    assert "Enter a financial year like 2021/22" in response.content.decode()


@pytest.mark.django_db
def test_a_scheme_has_one_capital_amount_per_year(signed_in):
    plan = PlanFactory()
    url = _url("part_create", pk=plan.pk, kind="capital")
    signed_in.post(url, PART_DATA["capital"])
    response = signed_in.post(url, PART_DATA["capital"])
    assert response.status_code == 400
    assert "already has an amount for that year" in response.content.decode()
    assert CapitalLine.objects.count() == 1


@pytest.mark.django_db
def test_an_editor_edits_a_part_and_the_public_sees_nothing_until_published(signed_in):
    plan = full_plan()
    section = plan.sections.get(title="Foreword from the Commissioner")
    response = signed_in.post(
        _url("part_edit", pk=plan.pk, kind="sections", item=section.pk),
        {"title": "Foreword", "kind": "foreword", "placement": "before", "body": "New words"},
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body == "New words"
    assert section.history.count() == 2


@pytest.mark.django_db
def test_parts_of_another_plan_are_not_found(signed_in):
    plan, other = PlanFactory(), PlanFactory()
    section = SectionFactory(plan=other)
    for name in ["part_edit", "part_delete"]:
        url = _url(name, pk=plan.pk, kind="sections", item=section.pk)
        assert signed_in.get(url).status_code == 404
    url = _url("part_move", pk=plan.pk, kind="sections", item=section.pk)
    assert signed_in.post(url, {"direction": "up"}).status_code == 404
    assert signed_in.get(_url("part_create", pk=plan.pk, kind="nonsense")).status_code == 404


@pytest.mark.django_db
def test_deleting_a_priority_asks_first_then_renumbers_the_rest(signed_in):
    plan = PlanFactory()
    first, second, third = (PriorityFactory(plan=plan, number=n) for n in (1, 2, 3))
    url = _url("part_delete", pk=plan.pk, kind="priorities", item=second.pk)
    assert "priorities after it are renumbered" in signed_in.get(url).content.decode()
    assert signed_in.post(url).status_code == 302
    assert list(plan.priorities.values_list("pk", "number")) == [(first.pk, 1), (third.pk, 2)]


# Reordering ---------------------------------------------------------------------------------


def _move(client, plan, kind, item, direction):
    return client.post(
        _url("part_move", pk=plan.pk, kind=kind, item=item.pk), {"direction": direction}
    )


@pytest.mark.django_db
def test_sections_move_up_and_down_with_buttons(signed_in):
    plan = PlanFactory()
    a, b, c = (SectionFactory(plan=plan, title=t, order=0) for t in "ABC")
    response = _move(signed_in, plan, "sections", c, "up")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#sections-{c.pk}")
    assert list(plan.sections.in_order().values_list("title", flat=True)) == ["A", "C", "B"]
    _move(signed_in, plan, "sections", a, "down")
    assert list(plan.sections.in_order().values_list("title", flat=True)) == ["C", "A", "B"]


@pytest.mark.django_db
def test_the_first_item_cannot_move_up_and_says_so(signed_in):
    plan = PlanFactory()
    a = SectionFactory(plan=plan, title="A", order=1)
    SectionFactory(plan=plan, title="B", order=2)
    response = _move(signed_in, plan, "sections", a, "up")
    follow = signed_in.get(response["Location"]).content.decode()
    assert "is already first" in follow
    assert list(plan.sections.in_order().values_list("title", flat=True)) == ["A", "B"]


@pytest.mark.django_db
def test_moving_a_priority_swaps_its_number_and_keeps_its_lists(signed_in):
    plan = PlanFactory()
    one = PriorityFactory(plan=plan, number=1, title="One")
    two = PriorityFactory(plan=plan, number=2, title="Two")
    CommitmentFactory(priority=two, wording="Two's commitment")
    _move(signed_in, plan, "priorities", two, "up")
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.number, two.number) == (2, 1)
    assert two.commitments.get().wording == "Two's commitment"


@pytest.mark.django_db
def test_commitments_and_measures_move_within_their_own_list_only(signed_in):
    plan = PlanFactory()
    p1, p2 = PriorityFactory(plan=plan, number=1), PriorityFactory(plan=plan, number=2)
    c1 = CommitmentFactory(priority=p1, wording="first", order=1)
    c2 = CommitmentFactory(priority=p1, wording="second", order=2)
    other = CommitmentFactory(priority=p2, wording="other", order=1)
    _move(signed_in, plan, "commitments", c2, "up")
    assert list(p1.commitments.in_order().values_list("pk", flat=True)) == [c2.pk, c1.pk]
    other.refresh_from_db()
    assert other.order == 1
    m1 = MeasureFactory(plan=plan, priority=None, theme="National", wording="m1", order=1)
    m2 = MeasureFactory(plan=plan, priority=None, theme="National", wording="m2", order=2)
    MeasureFactory(plan=plan, priority=p1, wording="p1 measure", order=1)
    _move(signed_in, plan, "measures", m1, "down")
    m1.refresh_from_db()
    m2.refresh_from_db()
    assert (m2.order, m1.order) == (1, 2)


@pytest.mark.django_db
def test_move_is_a_post_only_action_with_a_direction(signed_in):
    plan = PlanFactory()
    section = SectionFactory(plan=plan)
    url = _url("part_move", pk=plan.pk, kind="sections", item=section.pk)
    assert signed_in.get(url).status_code == 405
    assert signed_in.post(url, {"direction": "sideways"}).status_code == 404
    figure_url = _url("part_create", pk=plan.pk, kind="revenue")
    signed_in.post(figure_url, PART_DATA["revenue"])
    figure = RevenueFigure.objects.get()
    url = _url("part_move", pk=plan.pk, kind="revenue", item=figure.pk)
    assert signed_in.post(url, {"direction": "up"}).status_code == 404


@pytest.mark.django_db
def test_the_editor_offers_move_buttons_not_number_fields(signed_in):
    plan = full_plan()
    page = signed_in.get(plan.get_manage_url()).content.decode()
    assert "Move down" in page and "Move up" in page
    assert 'name="direction"' in page
    assert 'name="order"' not in page and 'name="number"' not in page


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
def test_a_measure_with_performance_figures_cannot_be_deleted(signed_in):
    from performance.models import DataPoint

    measure = MeasureFactory()
    DataPoint.objects.create(
        measure=measure, period_kind="quarter", period_start=datetime.date(2021, 4, 1),
        value=12,
    )  # fmt: skip
    url = _url("part_delete", pk=measure.plan_id, kind="measures", item=measure.pk)
    page = signed_in.get(url).content.decode()
    assert "Other records depend on this measure (1 data point)" in page
    assert signed_in.post(url).status_code == 200
    assert Measure.objects.filter(pk=measure.pk).exists()
    other = MeasureFactory()
    url = _url("part_delete", pk=other.plan_id, kind="measures", item=other.pk)
    assert signed_in.post(url).status_code == 302
    assert not Measure.objects.filter(pk=other.pk).exists()


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
def test_a_priority_that_decisions_serve_cannot_be_deleted(signed_in):
    from tests.decisions.factories import DecisionFactory

    priority = PriorityFactory(number=1)
    decision = DecisionFactory(priority_scope="plan")
    decision.priorities.add(priority)
    url = _url("part_delete", pk=priority.plan_id, kind="priorities", item=priority.pk)
    page = signed_in.get(url).content.decode()
    assert "Other records depend on this priority" in page
    assert 'type="submit"' not in page.split("<main")[1]
    signed_in.post(url)
    assert Priority.objects.filter(pk=priority.pk).exists()
    assert decision.priorities.get() == priority


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


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "field"), [("revenue", "amount"), ("capital", "amount_millions")])
def test_finance_amounts_cannot_be_negative(signed_in, kind, field):
    plan = PlanFactory()
    data = {**PART_DATA[kind], field: "-1"}
    response = signed_in.post(_url("part_create", pk=plan.pk, kind=kind), data)
    assert "Enter an amount of 0 or more." in response.content.decode()
    assert not RevenueFigure.objects.exists() and not CapitalLine.objects.exists()


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
    assert signed_in.post(url).status_code == 200
    assert Plan.objects.filter(slug="published").exists()


@pytest.mark.django_db
def test_the_measure_form_suggests_the_themes_already_used(signed_in):
    plan = full_plan()
    page = signed_in.get(_url("part_create", pk=plan.pk, kind="measures")).content.decode()
    assert 'list="measure-themes"' in page
    assert '<option value="National crime and policing measures">' in page
