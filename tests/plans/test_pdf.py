"""The published plan PDF, read back: cover, paged contents, a bookmark per section and
priority, each priority on its own page, finance tables and the measures annex."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.plans.helpers import published_plan


def _outline(reader):
    entries = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


@pytest.fixture
def plan_pdf(db, client):
    plan = published_plan(slug="lancs", title="Leading the fight against crime")
    response = client.get("/plans/lancs.pdf")
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return plan, reader


def test_the_pdf_has_every_priority_title_and_a_bookmark_per_priority(plan_pdf):
    plan, reader = plan_pdf
    text = "\n".join(page.extract_text() for page in reader.pages)
    titles = [bookmark for _depth, bookmark, _page in _outline(reader)]
    for priority in plan.priorities.all():
        assert priority.title in text
        assert f"Priority {priority.number}: {priority.title}" in titles
    for section in plan.sections.all():
        assert section.title in titles
    assert "Contents" in titles and "Annex: measures" in titles
    assert titles[0] == "Leading the fight against crime"  # the cover's title, at the top


def test_each_priority_starts_a_new_page_and_the_contents_give_its_page(plan_pdf):
    plan, reader = plan_pdf
    outline = {title: page for _depth, title, page in _outline(reader)}
    contents = reader.pages[1].extract_text()
    for priority in plan.priorities.all():
        heading = f"Priority {priority.number}: {priority.title}"
        page = outline[heading]
        first_line = reader.pages[page - 1].extract_text().splitlines()
        assert f"priority {priority.number}" in first_line[0].lower()
        assert re.search(re.escape(heading) + r"[ .]*" + str(page) + r"\b", contents), contents
    pages = [outline[f"Priority {p.number}: {p.title}"] for p in plan.priorities.all()]
    assert len(set(pages)) == len(pages)


def test_the_pdf_has_the_finance_tables_and_the_measures_annex(plan_pdf):
    _plan, reader = plan_pdf
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "£319.0m" in text and "£226.45" in text
    assert "Capital investment programme" in text and "12.751" in text and "22.831" in text
    outline = {title: page for _depth, title, page in _outline(reader)}
    annex = reader.pages[outline["Annex: measures"] - 1].extract_text()
    assert "Reduce murder and other homicides" in annex
    assert "National crime and policing measures" in annex


def test_the_pdf_is_tagged_with_its_title_and_language(plan_pdf):
    _plan, reader = plan_pdf
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == "Leading the fight against crime"
