"""Public performance pages: figures of published plans only, flat query counts, CSV."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from performance.models import DataPoint
from tests.performance.factories import MeasureCommentaryFactory, mark_published, quarterly_series
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory
from tests.spreadsheets import csv_rows


def _plan_with_measures(decision_maker, *, priorities=2, per_priority=3, quarters=8):
    plan = PlanFactory(
        slug=f"plan-{priorities}-{per_priority}-{quarters}",
        term_start=datetime.date(2021 + priorities, 5, 1),
        term_end=datetime.date(2026 + priorities, 5, 1),
    )
    for number in range(1, priorities + 1):
        priority = PriorityFactory(plan=plan, number=number)
        for _ in range(per_priority):
            measure = MeasureFactory(priority=priority, direction="reduce", unit="incidents")
            quarterly_series(
                measure, values=[1000 + q for q in range(quarters)], comparisons=[1100] * quarters
            )
        MeasureCommentaryFactory(measure__priority=priority)
    mark_published(plan, by=decision_maker)  # after its measures: the public sees it as published
    return plan


def test_the_dashboard_shows_each_measure_latest_value_trend_and_chart(client, decision_maker):
    plan = _plan_with_measures(decision_maker, priorities=1, per_priority=1, quarters=4)
    measure = plan.measures.exclude(unit="").get()
    html = client.get(reverse("performance:dashboard")).content.decode()
    assert measure.wording in html
    assert "Latest (2019-20 Q4)" in html
    assert "1,003" in html
    assert "Up 1 (0.1%) on 2019-20 Q3" in html  # the trend
    assert "Down 97 (8.8%)" in html and "Better" in html  # against comparison, reduce measure
    assert f'aria-labelledby="spark-{measure.pk}-title spark-{measure.pk}-desc"' in html
    assert f'data-chart-table="{measure.pk}"' in html
    assert "HMICFRS judged the force" in html  # commentary for the measure in words


def test_the_dashboard_query_count_does_not_grow_with_measures(
    client, decision_maker, django_assert_max_num_queries
):
    _plan_with_measures(decision_maker, priorities=1, per_priority=1, quarters=2)
    # Four of them read the plan as published: its version, its row, priorities and measures.
    with django_assert_max_num_queries(16) as small:
        client.get(reverse("performance:dashboard"))
    _plan_with_measures(decision_maker, priorities=5, per_priority=6, quarters=20)
    charts = 0
    for page in (1, 2, 3):  # 35 measures (5 in words), 15 a page
        with django_assert_max_num_queries(len(small.captured_queries)):
            response = client.get(reverse("performance:dashboard"), {"page": page})
        charts += response.content.decode().count("pcc-chart--small")
    assert charts == 30


def test_measures_of_an_unpublished_plan_are_not_public(client, measure):
    DataPoint.objects.create(
        measure=measure, period_kind="quarter", period_start="2021-04-01", value=5
    )
    assert client.get(reverse("performance:measure", args=[measure.pk])).status_code == 404
    assert client.get(reverse("performance:measure_csv", args=[measure.pk])).status_code == 404
    html = client.get(reverse("performance:dashboard")).content.decode()
    assert measure.wording not in html
    assert "No police and crime plan has been published yet" in html


def test_staff_who_may_not_see_drafts_get_404_too(client, measure, panel_member):
    client.force_login(panel_member)
    assert client.get(reverse("performance:measure", args=[measure.pk])).status_code == 404


def test_the_measure_csv_has_every_figure(
    client, measure, published_plan, django_assert_max_num_queries
):
    quarterly_series(measure, values=[24100, 23950.5, 25010], comparisons=[26000, None, 24000])
    with django_assert_max_num_queries(8):  # the measure and its priority as published
        response = client.get(reverse("performance:measure_csv", args=[measure.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert [(r["period"], r["value"], r["comparison"]) for r in rows] == [
        ("2019-20 Q1", "24100", "26000"),
        ("2019-20 Q2", "23950.5", ""),
        ("2019-20 Q3", "25010", "24000"),
    ]
    assert rows[0]["period_end"] == "2019-06-30"


def test_the_measure_csv_quotes_text_a_spreadsheet_would_run(client, measure, decision_maker):
    measure.wording = "=1+1"
    measure.save()
    mark_published(measure.plan, by=decision_maker)
    DataPoint.objects.create(
        measure=measure,
        period_kind="quarter",
        period_start="2021-04-01",
        value="-3.5",
        comparison_value="-0.25",
        source='=HYPERLINK("http://evil.example","Click")',
        note="@SUM(A1:A2)",
        released_at=timezone.now(),
    )
    response = client.get(reverse("performance:measure_csv", args=[measure.pk]))
    [row] = csv_rows(response)
    assert row["wording"] == "'=1+1"
    assert row["source"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["note"] == "'@SUM(A1:A2)"
    assert (row["value"], row["comparison"]) == ("-3.5", "-0.25")  # numbers stay numbers


def test_demonstration_figures_are_labelled(client, measure, published_plan):
    DataPoint.objects.create(
        measure=measure,
        period_kind="quarter",
        period_start="2021-04-01",
        value=5,
        demonstration=True,
        released_at=timezone.now(),
    )
    for url in (
        reverse("performance:dashboard"),
        reverse("performance:measure", args=[measure.pk]),
    ):
        assert "Demonstration figures" in client.get(url).content.decode()


@pytest.mark.parametrize("quarter", ["2021-22-q5", "2021-23-q1", "2021-22-q3"])
def test_a_quarter_without_a_published_report_is_404(client, db, quarter):
    assert client.get(f"/performance/reports/{quarter}/").status_code == 404
