"""The public plan pages: only published versions, frozen until republished."""

import datetime

import pytest
from django.urls import reverse

from plans import services
from plans.models import Commitment, Stage
from tests.plans.factories import PlanFactory, PriorityFactory, SectionFactory
from tests.plans.helpers import full_plan, issue, published_plan

PUBLIC_PATHS = [
    "/plans/{slug}/",
    "/plans/{slug}.pdf",
    "/plans/{slug}/priorities/1/",
    "/plans/{slug}/commitments/",
    "/plans/{slug}/versions/1.pdf",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_plan_that_is_not_issued_is_not_found_by_the_public(client, editor, path):
    plan = full_plan(slug="draft")
    issue(plan, until=Stage.RESPONSE_PUBLISHED)
    assert client.get(path.format(slug="draft")).status_code == 404
    client.force_login(editor)  # staff too: public pages show only what is published
    assert client.get(path.format(slug="draft")).status_code == 404
    assert "draft" not in client.get("/plans/").content.decode()


@pytest.mark.django_db
def test_the_plan_page_shows_contents_priorities_measures_finance_and_versions(client):
    published_plan(slug="lancs")
    page = client.get("/plans/lancs/").content.decode()
    for text in [
        "Contents",
        "Foreword from the Commissioner",
        "Priority 1: Getting tough on anti-social behaviour",
        "Priority 2: Disrupting and dismantling organised crime",
        "What I will do as the Police and Crime Commissioner",
        "Launch a fund for priority 1",
        "I will hold the Chief Constable to account for delivering",
        "Repeat offenders (1)",
        "Public confidence (1)",
        "National crime and policing measures",
        "Reduce murder and other homicides",
        "£319.0m",
        "£226.45",
        "Capital investment programme",
        "12.751",
        "22.831",  # the capital programme's total
        "How the plan was made",
        "Issued: Issued note",
        "28/2021",
    ]:
        assert text in page, text
    assert page.count("<h1") == 1


@pytest.mark.django_db
def test_authors_markdown_is_sanitised_and_its_headings_sit_under_the_section(client):
    plan = PlanFactory(slug="safe")
    SectionFactory(plan=plan, title="Foreword", body="## Residents\n\nText<script>x()</script>")
    PriorityFactory(plan=plan, number=1)
    issue(plan)
    page = client.get("/plans/safe/").content.decode()
    assert "<script>x()" not in page
    assert '<h3 class="govuk-heading-m">Residents</h3>' in page


@pytest.mark.django_db
def test_draft_edits_are_invisible_until_the_plan_is_republished(
    client, decision_maker, publish_plan
):
    plan = published_plan(slug="frozen")
    priority = plan.priorities.get(number=1)
    priority.title = "A redrafted priority title"
    priority.save()
    section = plan.sections.get(title="Foreword from the Commissioner")
    section.body = "A redrafted foreword."
    section.save()
    commitment = priority.commitments.get()
    services.record_progress(
        commitment=commitment, status=Commitment.Status.DELIVERED,
        date=datetime.date(2022, 3, 1), note="The fund opened.", by=decision_maker,
    )  # fmt: skip

    for path in ["/plans/frozen/", "/plans/frozen/priorities/1/", "/plans/frozen/commitments/"]:
        page = client.get(path).content.decode()
        assert "A redrafted" not in page, path
        assert "The fund opened." not in page, path
    assert "Getting tough on anti-social behaviour" in client.get("/plans/frozen/").content.decode()

    publish_plan(plan, decision_maker, note="Progress to March 2022")
    assert "A redrafted priority title" in client.get("/plans/frozen/").content.decode()
    assert "A redrafted foreword." in client.get("/plans/frozen/").content.decode()
    priority_page = client.get("/plans/frozen/priorities/1/").content.decode()
    assert '<h1 class="govuk-heading-xl">Priority 1: A redrafted priority title</h1>' in (
        priority_page
    )
    tracker = client.get("/plans/frozen/commitments/").content.decode()
    assert "The fund opened." in tracker
    assert "Delivered" in tracker
    assert "Progress to March 2022" in tracker


@pytest.mark.django_db
def test_a_priority_page_shows_its_lists_and_unknown_priorities_are_not_found(client):
    published_plan(slug="lancs")
    page = client.get("/plans/lancs/priorities/2/").content.decode()
    assert "Priority 2: Disrupting and dismantling organised crime" in page
    assert "Launch a fund for priority 2" in page
    assert "Repeat offenders (2)" in page
    assert "Public confidence (2)" in page
    assert "Launch a fund for priority 1" not in page
    assert client.get("/plans/lancs/priorities/3/").status_code == 404


@pytest.mark.django_db
def test_the_tracker_counts_commitments_by_status(client, decision_maker):
    plan = full_plan(slug="tracked")
    commitment = plan.priorities.get(number=2).commitments.get()
    services.record_progress(
        commitment=commitment, status=Commitment.Status.IN_PROGRESS,
        date=datetime.date(2021, 12, 6), note="Front counters reopened.", by=decision_maker,
    )  # fmt: skip
    issue(plan, by=decision_maker)
    page = client.get("/plans/tracked/commitments/").content.decode()
    assert "Front counters reopened." in page
    assert "6 December 2021" in page
    assert "No progress reported yet." in page
    assert "govuk-tag--blue" in page and "In progress" in page


@pytest.mark.django_db
def test_the_list_shows_the_current_plan_first_and_superseded_plans_after(
    client, decision_maker, django_assert_max_num_queries
):
    old = full_plan(
        slug="old", title="Police and Crime Plan 2016-2021",
        term_start=datetime.date(2016, 5, 12), term_end=datetime.date(2021, 5, 12),
    )  # fmt: skip
    issue(old, by=decision_maker)
    new = full_plan(slug="new", title="Police and Crime Plan 2021-2025")
    issue(new, by=decision_maker)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("plans:list")).content.decode()
    assert page.index("The current plan") < page.index("2021-2025") < page.index("Earlier plans")
    assert page.index("Earlier plans") < page.index("2016-2021")
    assert "Superseded" in page
    old_page = client.get("/plans/old/").content.decode()
    assert "This plan has been superseded" in old_page


@pytest.mark.django_db
def test_the_pdf_is_served_inline_with_a_file_name(client):
    published_plan(slug="lancs")
    response = client.get("/plans/lancs.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert "lancs.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_the_current_plan_is_the_latest_one_in_force(decision_maker):
    from plans.selectors import current_plan

    assert current_plan() is None
    old = full_plan(
        slug="old", term_start=datetime.date(2016, 5, 12), term_end=datetime.date(2021, 5, 12)
    )
    issue(old, by=decision_maker)
    assert current_plan() == old
    draft = full_plan(slug="draft")  # not issued: not current
    new = full_plan(slug="new", term_start=datetime.date(2021, 5, 13))
    issue(new, by=decision_maker)
    assert current_plan() == new
    assert draft != current_plan()


@pytest.mark.django_db
def test_the_staff_plan_list_has_a_query_budget(client, editor, django_assert_max_num_queries):
    for n in range(4):
        full_plan(slug=f"plan-{n}")
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans_manage:list"))
    assert response.status_code == 200
    assert response.content.decode().count("plan-") == 0  # titles, not slugs, are listed


@pytest.mark.django_db
def test_the_issuing_decision_is_linked_once_it_is_published(client, decision_maker):
    from pcc_portal.publications import services as publishing
    from tests.decisions.factories import DecisionFactory
    from tests.plans.helpers import render_version

    published_plan(slug="lancs")
    decision = DecisionFactory(financial_year=2021, number=28)
    page = client.get("/plans/lancs/").content.decode()
    assert "(decision 28/2021)" in page
    assert 'href="/decisions/2021/28/"' not in page  # not published: no link to a 404
    render_version(publishing.publish(obj=decision, by=decision_maker, note="Published"))
    page = client.get("/plans/lancs/").content.decode()
    assert '<a class="govuk-link" href="/decisions/2021/28/">decision 28/2021</a>' in page
