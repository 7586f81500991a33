"""Printed layout of the PDFs: headings kept with what follows them, the decision notice's footer
naming the decision on every page, and chart labels large enough to read on paper."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from pcc_portal.publications import pdf
from performance import charts

FILLER = "<p>{}</p>".format("The Commissioner considered the plan and the Panel's report. " * 6)
DECLARATION = (
    '<table class="notice-declaration"><caption>Officer declaration</caption>'
    '<thead><tr><th scope="col">Implications</th><th scope="col">Declared by</th></tr></thead>'
    "<tbody>"
    + "".join(
        f"<tr><td>Row {n}: as above</td><td>Monitoring Officer</td></tr>" for n in range(1, 7)
    )
    + "</tbody></table>"
)


def _document(body, css=("base",)):
    links = "".join(f'<link rel="stylesheet" href="/static/pdf/{name}.css">' for name in css)
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Notice</title>'
        f"{links}</head><body>{body}</body></html>"
    )


def _pages(html):
    reader = PdfReader(io.BytesIO(pdf.render_pdf(html).content))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _notice(filler_paragraphs, extra=""):
    head = (
        '<table class="notice-head"><tr><th scope="row">Decision</th>'
        '<td class="notice-reference">28/2021</td></tr>'
        '<tr><th scope="row">Title</th><td><h1>Police and crime plan 2021-2025</h1></td></tr>'
        "</table>"
    )
    return _document(head + FILLER * filler_paragraphs + extra, css=("base", "decision"))


def test_every_page_of_a_decision_notice_names_the_decision_in_its_footer():
    pages = _pages(_notice(14))
    assert len(pages) >= 2
    for page in pages:
        assert "Decision 28/2021: Police and crime plan 2021-2025" in page


@pytest.mark.parametrize("paragraphs", range(5, 11))
def test_the_officer_declaration_is_never_stranded_from_its_rows(paragraphs):
    """Whatever comes before it, the declaration's caption is on the page of its rows."""
    pages = _pages(_notice(paragraphs, DECLARATION))
    caption = next(n for n, text in enumerate(pages) if "Officer declaration" in text)
    assert "Row 1: as above" in pages[caption]
    assert "Row 6: as above" in pages[caption]


@pytest.mark.parametrize("paragraphs", range(6, 11))
def test_a_heading_is_kept_with_the_paragraph_after_it(paragraphs):
    body = FILLER * paragraphs + "<h3>Background papers</h3><p>Papers-follow-the-heading.</p>"
    pages = _pages(_document("<h1>Notice</h1>" + body))
    heading = next(n for n, text in enumerate(pages) if "Background papers" in text)
    assert "Papers-follow-the-heading." in pages[heading]


def test_chart_labels_print_at_8pt_or_more_in_a_reports_chart_column():
    """The chart is drawn to the width of the report's chart column (performance.css), on A4
    inside the page margins (base.css): its smallest label, scaled so, is 8 pt or more."""
    static = Path(settings.BASE_DIR) / "static" / "pdf"
    margins = re.search(r"margin: [\d.]+mm ([\d.]+)mm", (static / "base.css").read_text())
    column = re.search(
        r"\.pcc-report__chart > div:first-child \{ flex: 0 0 ([\d.]+)%",
        (static / "performance.css").read_text(),
    )
    column_pt = (210 - 2 * float(margins[1])) * float(column[1]) / 100 * 72 / 25.4
    points = [charts.ChartPoint(f"2021-22 Q{q}", 100 + q) for q in (1, 2, 3, 4)]
    svg = charts.line_chart(points, chart_id="c", title="Incidents")
    drawing_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
    # Labels take their size from their own text element or from the group they sit in.
    sizes = [float(size) for size in re.findall(r'<(?:text|g) [^>]*font-size="([\d.]+)"', svg)]
    assert sizes, "the chart sets no label size"
    smallest = min(sizes)
    assert smallest * column_pt / drawing_width >= 8
