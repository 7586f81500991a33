"""The public pages issue #20 lightened or bounded, in a browser at a phone's and a desktop's
width with axe: a quarterly report's figures tables styled by their table, a priority's ten most
recent decisions with links to the rest, and the registers' marks of what was imported."""

import pytest
from django.contrib.contenttypes.models import ContentType

from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from plans.services import freeze_parts
from tests.browser.conftest import visit_at_widths
from tests.decisions.factories import DecisionFactory
from tests.performance.factories import QuarterlyReportFactory
from tests.performance.test_report_size import _demo_like_plan
from tests.plans.factories import PlanFactory, PriorityFactory
from tests.transparency.factories import InterestFactory, register_publisher

pytestmark = pytest.mark.browser

IMPORTED = "Imported from the previous system on 3 December 2026."


def _ready(obj, by, *, html="<p>Published.</p>", note="Published", document_type="decision"):
    return Version.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        number=1,
        status=Version.Status.READY,
        document_type=document_type,
        title=str(obj),
        html=html,
        document_html="<html></html>",
        change_note=note,
        published_by=by,
        pdf="publications/test.pdf",
        sha256="0" * 64,
    )


def test_a_quarterly_report_with_many_measures(page, decision_maker):
    plan = _demo_like_plan(decision_maker, priorities=2, measures=3)
    report = QuarterlyReportFactory(plan=plan, financial_year=2021, quarter=2)
    page_html, _, _ = publishing.freeze(obj=report)
    _ready(report, decision_maker, html=page_html, document_type=report.document_type)

    visit_at_widths(page, report.get_absolute_url())
    figures = page.locator("table.pcc-figures").first
    assert figures.locator("tbody tr").count() == 8
    # Styled as GOV.UK table cells by the table's class: right-aligned figures, bold periods.
    cell = figures.locator("tbody td").first
    assert cell.evaluate("td => getComputedStyle(td).textAlign") == "right"
    header = figures.locator("tbody th").first
    assert int(header.evaluate("th => getComputedStyle(th).fontWeight")) >= 700


def test_a_priority_lists_its_ten_most_recent_decisions(page, editor):
    plan = PlanFactory(slug="plan-2021-2025", title="Police and Crime Plan 2021-2025")
    priority = PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    freeze_parts(plan=plan, version=_ready(plan, editor, document_type="plan"))
    for n in range(12):
        decision = DecisionFactory(
            title=f"Grant {n}", financial_year=2022, number=n + 1, priority_scope="plan"
        )
        decision.priorities.add(priority)
        _ready(decision, editor)

    visit_at_widths(page, f"/plans/{plan.slug}/priorities/1/")
    assert page.get_by_text("The 10 most recent of 12.").is_visible()
    page.get_by_role("link", name="Decisions linked to this priority").click()
    page.wait_for_url(f"**/decisions/?priority={priority.pk}")
    assert page.get_by_text("12 decisions match your filters.").is_visible()


def test_registers_mark_what_was_imported(page, decision_maker):
    entry = InterestFactory(description="Governor of a sample school", released=False)
    publishing.publish(obj=entry, by=register_publisher(), note=IMPORTED)
    imported = DecisionFactory(title="Victims' services grant", financial_year=2019, number=4)
    _ready(imported, decision_maker, note=IMPORTED)

    for url in ("/transparency/interests/", "/decisions/"):
        visit_at_widths(page, url)
        assert page.get_by_text(IMPORTED.rstrip(".")).is_visible()
