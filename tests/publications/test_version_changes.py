"""The comparison of two versions, text and tables: tables compared row by row and cell by
cell, and a content page's public "what changed" for each version after the first."""

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from pcc_portal.publications.diff import Cell, Row, summary_changes, table_changes
from tests.access import AccessRule
from tests.accounts.factories import UserFactory
from tests.pages.factories import ContentPageFactory
from tests.publications.comparisons import linked_comparison

BUDGET = """<p>Our budget.</p><table><caption>Capital programme</caption>
<thead><tr><th>Scheme</th><th>2021/22</th><th>2022/23</th></tr></thead><tbody>
{rows}</tbody></table>"""


def _budget(*rows):
    return BUDGET.format(
        rows="".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    )


def test_a_changed_figure_is_marked_in_its_cell_and_rows_added_and_removed_as_rows():
    old = _budget(("Estates", "5.0", "4.0"), ("IT", "3.0", "2.0"), ("Fleet", "1.0", "1.0"))
    new = _budget(("Estates", "5.5", "4.0"), ("Fleet", "1.0", "1.0"), ("Drones", "0.2", "0.1"))
    [table] = table_changes(old, new)
    assert table.caption == "Capital programme" and table.kind == "changed"
    assert table.header == ("Scheme", "2021/22", "2022/23")
    assert list(table.rows) == [
        Row("changed", (Cell("same", "Estates"), Cell("changed", "5.5", old="5.0"),
                        Cell("same", "4.0"))),
        Row("removed", (Cell("removed", "IT"), Cell("removed", "3.0"), Cell("removed", "2.0"))),
        Row("same", (Cell("same", "Fleet"), Cell("same", "1.0"), Cell("same", "1.0"))),
        Row("added", (Cell("added", "Drones"), Cell("added", "0.2"), Cell("added", "0.1"))),
    ]  # fmt: skip


def test_unchanged_rows_far_from_a_change_are_folded_and_unchanged_tables_left_out():
    rows = [(f"Line {n}", str(n)) for n in range(1, 11)]
    changed = [*rows[:8], ("Line 9", "nine"), rows[9]]
    [table] = table_changes(_budget(*rows), _budget(*changed))
    assert table.rows[0] == Row("gap", folded=7)
    assert [row.kind for row in table.rows[1:]] == ["same", "changed", "same"]
    assert table_changes(_budget(*rows), _budget(*rows)) == []


def test_a_table_added_or_taken_out_is_shown_whole_and_columns_added_are_marked():
    old = "<p>No figures yet.</p>"
    new = _budget(("Estates", "5.0", "4.0"))
    [added] = table_changes(old, new)
    assert added.kind == "added" and added.rows[0].kind == "added"
    [removed] = table_changes(new, old)
    assert removed.kind == "removed" and removed.rows[0].cells[0] == Cell("removed", "Estates")

    markdown_old = "<table><tr><th>Measure</th></tr><tr><td>Burglary</td></tr></table>"
    markdown_new = (
        "<table><tr><th>Measure</th><th>Target</th></tr><tr><td>Burglary</td><td>-5%</td></tr>"
        "</table>"
    )
    [table] = table_changes(markdown_old, markdown_new)
    assert table.header == ("Measure", "Target")
    assert table.rows[0] == Row("changed", (Cell("same", "Measure"), Cell("added", "Target")))
    assert table.rows[1] == Row("changed", (Cell("same", "Burglary"), Cell("added", "-5%")))


def test_only_the_named_summary_rows_are_compared():
    old = "<dl><dt>Title</dt><dd>Estates</dd><dt>Report by</dt><dd>Jo Bloggs</dd></dl>"
    new = "<dl><dt>Title</dt><dd>Estates (restricted)</dd></dl><p>Restricted.</p>"
    lines = summary_changes(old, new, keys={"Title"})
    assert [(line.kind, line.text) for line in lines] == [
        ("removed", "Title: Estates"),
        ("added", "Title: Estates (restricted)"),
    ]


def _changes(number, slug="about"):
    return reverse("pages:version_changes", kwargs={"slug": slug, "number": number})


@pytest.mark.django_db
def test_a_content_page_shows_what_changed_in_each_version_after_the_first(
    client, page, editor, publish, fast_pdfs
):
    page.body = "The Commissioner sets the budget.\n\n| Office | Holder |\n|---|---|\n| PCC | A |"
    page.save()
    publish(page, editor)
    assert client.get(_changes(1)).status_code == 404
    assert _changes(1) not in client.get("/pages/about/").content.decode()

    page.body = "The Commissioner sets the budget and the precept.\n\n| Office | Holder |\n|---|---|\n| PCC | B |"  # noqa: E501
    page.save()
    publish(page, editor, note="Named the new Commissioner")
    html = linked_comparison(client, "/pages/about/", _changes(2))
    assert "<del>The Commissioner sets the budget.</del>" in html
    assert "<ins>The Commissioner sets the budget and the precept.</ins>" in html
    assert '<del><span class="govuk-visually-hidden">was: </span>A</del>' in html
    assert '<ins><span class="govuk-visually-hidden">now: </span>B</ins>' in html

    publishing.withdraw(obj=page, by=editor, reason="Named too early", up_to_number=2)
    response = client.get(_changes(2))
    assert response.status_code == 410
    assert "Named too early" in response.content.decode()


class TestPageVersionChangesAccess(AccessRule):
    url_name = "pages:version_changes"
    allowed_status = (404,)  # version 1 has nothing before it; comparisons are tested above

    def make_url_kwargs(self):
        page = ContentPageFactory(slug="compared")
        version = publishing.publish(obj=page, by=UserFactory(username="author"), note="First")
        publishing.run_render_job(job_id=version.render_job.pk)
        return {"slug": page.slug, "number": 1}


@pytest.mark.django_db
def test_the_check_page_marks_the_rows_and_cells_of_tables_that_change(
    client, page, editor, publish, fast_pdfs
):
    table = "| Office | Holder |\n|---|---|\n| Commissioner | {pcc} |\n| Deputy | {deputy} |"
    page.body = "Who holds each office.\n\n" + table.format(pcc="A. Smith", deputy="B. Jones")
    page.save()
    publish(page, editor)
    page.body = "Who holds each office.\n\n" + table.format(pcc="C. Brown", deputy="B. Jones")
    page.body += "\n| Chief Executive | D. Green |"
    page.save()
    client.force_login(editor)
    html = client.get(reverse("pages_manage:publish", kwargs={"pk": page.pk})).content.decode()
    assert "Table changed" in html
    assert '<del><span class="govuk-visually-hidden">was: </span>A. Smith</del>' in html
    assert '<ins><span class="govuk-visually-hidden">now: </span>C. Brown</ins>' in html
    assert '<ins><span class="govuk-visually-hidden">added: </span>Chief Executive</ins>' in html
    assert "was: </span>B. Jones" not in html  # an unchanged row is not marked


@pytest.mark.django_db
def test_a_changed_table_cell_is_shown_once_by_the_table_diff_not_again_as_text(
    client, page, editor, publish, fast_pdfs
):
    table = "| Office | Holder |\n|---|---|\n| Commissioner | {pcc} |"
    page.body = "Who holds each office.\n\n" + table.format(pcc="A. Smith")
    page.save()
    publish(page, editor)
    page.body = "Who holds each office now.\n\n" + table.format(pcc="C. Brown")
    page.save()
    client.force_login(editor)
    check = client.get(reverse("pages_manage:publish", kwargs={"pk": page.pk})).content.decode()
    publish(page, editor, note="A new Commissioner")
    public = client.get(_changes(2)).content.decode()
    for html in (check, public):
        assert "<ins>Who holds each office now.</ins>" in html  # the text is still compared
        assert html.count("A. Smith") == 1 and html.count("C. Brown") == 1
        assert '<ins><span class="govuk-visually-hidden">now: </span>C. Brown</ins>' in html
