"""The server-drawn SVG charts and their data tables show the same figures as the database."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from performance import charts
from tests.performance.factories import quarterly_series


def _circles(svg):
    return re.findall(
        r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*data-period="([^"]+)" '
        r'data-value="([^"]+)"',
        svg,
    )


def _scale(svg):
    attrs = dict(re.findall(r'data-chart-(low|high|top|bottom)="([-\d.]+)"', svg))
    return charts.Scale(*(float(attrs[k]) for k in ("low", "high", "top", "bottom")))


def test_each_point_is_drawn_at_the_height_of_its_value():
    points = [charts.ChartPoint(f"2021-22 Q{n}", v) for n, v in enumerate([240, 0, 990, 515], 1)]
    svg = charts.line_chart(points, chart_id="c", title="Incidents", unit="incidents")
    scale = _scale(svg)
    drawn = _circles(svg)
    assert [label for _, _, label, _ in drawn] == [p.label for p in points]
    for (_, cy, _, value), point in zip(drawn, points, strict=True):
        assert float(value) == point.value
        assert scale.value_at(float(cy)) == pytest.approx(point.value, abs=0.5)
    assert scale.low == 0 and scale.high >= 990
    assert 'role="img"' in svg and '<title id="c-title">Incidents</title>' in svg


def test_chart_text_is_escaped():
    svg = charts.line_chart(
        [charts.ChartPoint("<b>Q1</b>", 1), charts.ChartPoint("Q2", 2)],
        chart_id="x",
        title="<script>alert(1)</script>",
    )
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg


@pytest.mark.django_db
def test_the_measure_page_chart_and_table_agree_with_the_stored_figures(
    client, measure, published_plan
):
    values = [24100, 23950.5, 25010, 22800, 23000]
    quarterly_series(measure, values=values, comparisons=[26000, 25000, 24000, 23000, 22000])
    html = client.get(reverse("performance:measure", args=[measure.pk])).content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S)[0]
    drawn = _circles(svg)
    assert [Decimal(value) for *_, value in drawn] == [Decimal(str(v)) for v in values]
    scale = _scale(svg)
    for _, cy, _, value in drawn:
        assert scale.value_at(float(cy)) == pytest.approx(float(value), abs=30)
    table = re.search(r'<table class="govuk-table" data-chart-table.*?</table>', html, re.S)[0]
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">([^<]+)</th>\s*'
        r"<td[^>]*>([^<]+)</td>",
        table,
    )
    assert rows == [
        ("2019-20 Q1", "24,100"),
        ("2019-20 Q2", "23,950.5"),
        ("2019-20 Q3", "25,010"),
        ("2019-20 Q4", "22,800"),
        ("2020-21 Q1", "23,000"),
    ]
    assert [label for _, _, label, _ in drawn] == [label for label, _ in rows]


def _texts(svg):
    """Each label's x, anchor and font size (set once, on the group of the labels)."""
    size = re.search(r'<g font-size="(\d+)"', svg)[1]
    labels = re.findall(r'<text x="([\d.]+)" y="[\d.]+"(?: text-anchor="(\w+)")?', svg)
    return [(x, anchor, size) for x, anchor in labels]


def test_the_full_chart_scales_to_its_container_with_labels_readable_on_a_phone():
    """A 400-unit drawing shown at a phone's 345 px keeps 14-unit labels at 12 px or more; the
    640-unit drawing with 11- and 12-unit labels shrank them to 6 px (and to 5 pt in a PDF)."""
    points = [
        charts.ChartPoint(f"20{y}-{y + 1} Q{q}", 100 + y + q)
        for y in (19, 20, 21)
        for q in (1, 2, 3, 4)
    ]
    svg = charts.line_chart(points, chart_id="c", title="Incidents")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
    assert width <= 400
    sizes = {int(size) for _, _, size in _texts(svg)}
    assert sizes and min(sizes) * 345 / width >= 12


def test_period_labels_are_spaced_and_include_the_latest():
    """At most four period labels, counted back from the latest so the last two never overlap."""
    for count in range(1, 14):
        points = [charts.ChartPoint(f"P{n}", n) for n in range(count)]
        svg = charts.line_chart(points, chart_id="c", title="Figures")
        labels = re.findall(r'text-anchor="(?:start|middle|end)"[^>]*>(P\d+)<', svg)
        assert labels[-1] == f"P{count - 1}"
        assert len(labels) <= charts.MAX_PERIOD_LABELS
        positions = [int(label[1:]) for label in labels]
        gaps = {b - a for a, b in zip(positions, positions[1:], strict=False)}
        assert len(gaps) <= 1, f"uneven labels for {count} points: {labels}"
