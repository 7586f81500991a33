"""The Panel's decisions report lists its published versions, each with its PDF, and every
version after the first has a public comparison with the one before; a withdrawn version answers
410 with its notice, a draft or unknown one 404."""

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from tests.access import AccessRule
from tests.accounts.factories import UserFactory
from tests.decisions.factories import DecisionsReportFactory

pytestmark = pytest.mark.django_db

FIRST = "Two decisions were made under delegated authority in the period."
SECOND = "Three decisions were made under delegated authority in the period."


def _changes(report, number):
    return reverse("decisions:report_version_changes", kwargs={"pk": report.pk, "number": number})


def _pdf(report, number):
    return reverse("decisions:report_version_pdf", kwargs={"pk": report.pk, "number": number})


def _republish(report, publish, editor, text, note):
    report.introduction = text
    report.save()
    return publish(report, by=editor, note=note)


@pytest.fixture
def report(editor, publish, fast_pdfs):
    report = DecisionsReportFactory(introduction=FIRST)
    publish(report, by=editor, note="For the 6 December meeting")
    return report


def test_the_version_list_links_each_pdf_and_what_changed_after_the_first(
    client, report, editor, publish
):
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'aria-label="Published versions of the report"' in page
    assert f'href="{_pdf(report, 1)}"' in page
    assert _changes(report, 1) not in page  # the first version has nothing before it

    _republish(report, publish, editor, SECOND, "Added the decision made on 1 December")
    page = client.get(report.get_absolute_url()).content.decode()
    assert f'href="{_changes(report, 2)}"' in page
    assert _changes(report, 1) not in page
    assert "Added the decision made on 1 December" in page and "For the 6 December meeting" in page
    for number in (1, 2):
        assert f'href="{_pdf(report, number)}"' in page
        assert client.get(_pdf(report, number))["Content-Type"] == "application/pdf"


def test_a_later_version_shows_what_changed_against_the_one_before(client, report, editor, publish):
    _republish(report, publish, editor, SECOND, "Added the decision made on 1 December")
    response = client.get(_changes(report, 2))
    assert response.status_code == 200
    html = response.content.decode()
    assert "What changed in version 2" in html and "Compared with version 1" in html
    assert f"<del>{FIRST}</del>" in html and f"<ins>{SECOND}</ins>" in html
    assert f'href="{_pdf(report, 1)}"' in html and f'href="{_pdf(report, 2)}"' in html


def test_the_first_an_unknown_a_rendering_and_a_draft_version_are_not_found(client, report, editor):
    assert client.get(_changes(report, 1)).status_code == 404
    assert client.get(_changes(report, 9)).status_code == 404
    assert client.get(_pdf(report, 9)).status_code == 404
    report.introduction = SECOND
    report.save()
    publishing.publish(obj=report, by=editor, note="Still rendering")  # never committed: no PDF
    assert client.get(_changes(report, 2)).status_code == 404
    assert client.get(_pdf(report, 2)).status_code == 404
    draft = DecisionsReportFactory(introduction=SECOND)
    assert client.get(_changes(draft, 1)).status_code == 404
    assert client.get(_pdf(draft, 1)).status_code == 404


def test_a_withdrawn_version_answers_410_even_when_a_later_one_is_public(
    client, report, editor, publish
):
    _republish(report, publish, editor, SECOND, "Second")
    publishing.withdraw(obj=report, by=editor, reason="Listed a restricted decision in full")
    for url in (_changes(report, 2), _pdf(report, 2), _changes(report, 1)):
        response = client.get(url)
        assert response.status_code == 410
        assert "Listed a restricted decision in full" in response.content.decode()
        assert SECOND not in response.content.decode()

    _republish(report, publish, editor, FIRST, "Corrected the list")
    page = client.get(report.get_absolute_url()).content.decode()
    assert _changes(report, 2) not in page and _pdf(report, 2) not in page
    assert client.get(_changes(report, 2)).status_code == 410
    # Version 3 has no public version before it to compare with.
    assert _changes(report, 3) not in page
    assert client.get(_changes(report, 3)).status_code == 404


def _report_with_two_versions():
    editor = UserFactory(username="report-versions-editor", is_superuser=True)
    report = DecisionsReportFactory(introduction=FIRST)
    for note in ("First", "Second"):
        version = publishing.publish(obj=report, by=editor, note=note)
        publishing.run_render_job(job_id=version.render_job.pk)
        report.introduction = SECOND
        report.save()
    return {"pk": report.pk, "number": 2}


class TestReportVersionChangesAccess(AccessRule):
    url_name = "decisions:report_version_changes"

    def make_url_kwargs(self):
        return _report_with_two_versions()


class TestReportVersionPdfAccess(TestReportVersionChangesAccess):
    url_name = "decisions:report_version_pdf"
