"""The quarterly performance report: what it shows as at its quarter, and its PDF."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from performance import services
from performance.models import QuarterlyReport, ReportCommentary
from tests.accounts.factories import reauthenticate
from tests.performance.factories import (
    MeasureCommentaryFactory,
    QuarterlyReportFactory,
    quarterly_series,
)
from tests.performance.helpers import report_publish_data
from tests.plans.factories import MeasureFactory, PriorityFactory


@pytest.fixture
def report(published_plan, priority, measure):
    second = PriorityFactory(plan=published_plan, number=2, title="Targeting dangerous drivers")
    ksi = MeasureFactory(
        priority=second,
        wording="Reduce the number of people killed or seriously injured on the roads",
        direction="reduce",
        unit="people",
        is_national=True,
    )
    inspections = MeasureFactory(
        priority=None,
        plan=published_plan,
        theme="Efficient and effective policing",
        wording="Outcome of HMICFRS and other inspections",
        direction="improve",
        unit="",
    )
    # Quarters 2019-20 Q1 to 2021-22 Q4: the Q2 2021-22 report must not show later ones.
    quarterly_series(measure, values=[24000 + 100 * q for q in range(12)])
    quarterly_series(ksi, values=[200 - q for q in range(12)], comparisons=[210] * 12)
    MeasureCommentaryFactory(
        measure=inspections,
        date=datetime.date(2021, 9, 1),
        text="PEEL inspection published: **good** at preventing crime.",
    )
    MeasureCommentaryFactory(
        measure=inspections,
        date=datetime.date(2022, 1, 5),
        text="A later note the Q2 report must not show.",
    )
    report = QuarterlyReportFactory(plan=published_plan, financial_year=2021, quarter=2)
    ReportCommentary.objects.create(
        report=report, priority=second, text="Killed or seriously injured casualties *fell*."
    )
    return report


def test_the_report_shows_figures_up_to_the_end_of_its_quarter(report):
    content = report.publication_context()["content"]
    rows = {row.measure.wording: row for s in content.sections for row in s.rows}
    asb = rows["Monitoring of the number of anti-social behaviour incidents"]
    assert asb.latest.period.label == "2021-22 Q2"
    assert [p.period.label for p in asb.points][0] == "2019-20 Q3"  # the last two years
    assert asb.assessment.key == "no_comparison"
    ksi = rows["Reduce the number of people killed or seriously injured on the roads"]
    assert (ksi.latest.value, ksi.latest.comparison_value) == (191, 210)
    assert ksi.assessment.key == "better"
    inspections = rows["Outcome of HMICFRS and other inspections"]
    assert "PEEL inspection" in inspections.commentary.text
    assert [s.title for s in content.sections] == [
        "1. Getting tough on anti-social behaviour",
        "2. Targeting dangerous drivers",
        "Efficient and effective policing",
    ]
    assert [row.measure for row in content.national_rows] == [ksi.measure]


def test_publishing_the_report_freezes_it_and_its_pdf_names_every_measure(
    client, report, decision_maker, publish
):
    version = publish(report, decision_maker)
    assert version.status == "ready"
    response = client.get(reverse("performance:report", kwargs={"quarter": "2021-22-q2"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Killed or seriously injured casualties <em>fell</em>." in html
    assert html.count('role="img"') == 2  # one chart per numeric measure
    assert "A later note" not in html

    pdf = client.get(reverse("performance:report_pdf", kwargs={"quarter": "2021-22-q2"}))
    reader = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for measure in report.plan.measures.all():
        assert measure.wording in text, measure.wording
    assert "National crime and policing measures" in text
    assert "Page 1 of" in text


def test_later_edits_do_not_change_the_published_report(client, report, decision_maker, publish):
    publish(report, decision_maker)
    report.headlines = "A draft headline nobody has approved."
    report.save()
    html = client.get(report.get_absolute_url()).content.decode()
    assert "A draft headline" not in html


def test_an_unpublished_report_is_not_public(client, report):
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.get(report.get_pdf_url()).status_code == 404
    assert "2021-22" not in re.sub(
        r"<title>.*?</title>", "", client.get(reverse("performance:reports")).content.decode()
    )


def test_an_editor_cannot_publish_but_a_decision_maker_can(
    client, report, editor, decision_maker, django_capture_on_commit_callbacks
):
    url = reverse("performance_manage:report_publish", args=[report.pk])
    client.force_login(editor)
    assert client.post(url, {"change_note": "First"}).status_code == 403
    client.force_login(decision_maker)
    reauthenticate(client)  # publishing asks for the password again
    assert client.post(url, {"change_note": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, report_publish_data(client, url, change_note="First"))
    assert response.status_code == 302
    assert report.live_version().number == 1


def test_staff_write_commentary_per_priority(client, report, editor):
    client.force_login(editor)
    priorities = list(report.plan.priorities.order_by("number"))
    url = reverse("performance_manage:report_commentary", args=[report.pk])
    form = client.get(url).content.decode()
    assert "Targeting dangerous drivers" in form
    client.post(
        url,
        {
            f"priority_{priorities[0].pk}": "ASB reports fell.",
            f"priority_{priorities[1].pk}": "Unchanged.",
        },
    )
    assert dict(
        ReportCommentary.objects.filter(report=report).values_list("priority__number", "text")
    ) == {1: "ASB reports fell.", 2: "Unchanged."}
    preview = client.get(report.get_manage_url()).content.decode()
    assert "ASB reports fell." in preview


def test_a_second_report_for_the_same_quarter_is_refused_beside_the_field(client, report, editor):
    client.force_login(editor)
    response = client.post(
        reverse("performance_manage:report_create"),
        {"plan": report.plan.pk, "financial_year": 2021, "quarter": 2, "headlines": "Typed"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is already a report for this quarter" in html
    assert "Typed" in html
    assert QuarterlyReport.objects.count() == 1


def test_publish_report_service_refuses_an_empty_change_note(report, decision_maker):
    from pcc_portal.publications.services import NothingToPublish

    with pytest.raises(NothingToPublish):
        services.publish_report(report=report, by=decision_maker, note=" ")


def test_a_financial_year_outside_reason_is_refused_with_an_example(client, plan, editor):
    client.force_login(editor)
    response = client.post(
        reverse("performance_manage:report_create"),
        {"plan": plan.pk, "financial_year": 21, "quarter": 1},
    )
    assert response.status_code == 400
    assert "for example 2021 for 2021-22" in response.content.decode()
