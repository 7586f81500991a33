"""The server-drawn SVG charts and their data tables show the same figures as the database."""

import re

import pytest
from django.urls import reverse

from performance import charts
from tests.performance.factories import quarterly_series


def _circles(svg):
    """Each marker's centre, in the order the figures are drawn."""
    return [
        (float(x), float(y)) for x, y in re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)"', svg)
    ]


def _scale(svg):
    """The scale a reader takes from the y axis: its labels, each 5 units below its gridline."""
    group = re.search(r'<g text-anchor="end">(.*?)</g>', svg)[1]
    ticks = [
        (float(value.replace(",", "").rstrip("%")), float(y) - 5)
        for y, value in re.findall(r'<text x="[\d.]+" y="([-\d.]+)">([^<]+)</text>', group)
    ]
    gridlines = [float(y) for y in re.findall(r"M[\d.]+ ([-\d.]+)H", svg)]
    assert gridlines == [y for _, y in ticks]
    (low, bottom), (high, top) = ticks[0], ticks[-1]
    return charts.Scale(low, high, top, bottom)


def test_each_point_is_drawn_at_the_height_of_its_value():
    points = [charts.ChartPoint(f"2021-22 Q{n}", v) for n, v in enumerate([240, 0, 990, 515], 1)]
    svg = charts.line_chart(points, chart_id="c", title="Incidents", unit="incidents")
    scale = _scale(svg)
    drawn = _circles(svg)
    assert len(drawn) == len(points)
    assert [x for x, _ in drawn] == sorted(x for x, _ in drawn)
    for (_, y), point in zip(drawn, points, strict=True):
        assert scale.value_at(y) == pytest.approx(point.value, abs=0.5)
    value_line = re.search(r'<polyline class="pcc-chart__value" points="([^"]+)"', svg)[1]
    assert value_line == " ".join(f"{x:g},{y:g}" for x, y in drawn)
    assert scale.low == 0 and scale.high >= 990
    assert 'role="img"' in svg and '<title id="c-title">Incidents</title>' in svg


def test_a_sparkline_marks_only_its_latest_figure():
    points = [charts.ChartPoint(f"2021-22 Q{n}", v) for n, v in enumerate([240, 0, 990, 515], 1)]
    svg = charts.line_chart(points, chart_id="s", title="Incidents", small=True)
    latest = re.search(r'pcc-chart__value" points="([^"]+)"', svg)[1].split()[-1]
    assert _circles(svg) == [tuple(float(c) for c in latest.split(","))]


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
    scale = _scale(svg)
    drawn = [scale.value_at(y) for _, y in _circles(svg)]
    assert drawn == pytest.approx(values, abs=30)
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
