"""The agenda's services called directly: adding and removing papers, editing a report, and
changing a meeting's status, without the staff pages in front of them."""

import datetime

import pytest

from panel.models import Meeting, Paper, Report
from panel.services import meetings as meeting_services
from panel.services import proceedings
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import InvalidPDF
from pcc_portal.publications.services import NothingToPublish
from tests.panel.factories import AgendaItemFactory, MeetingFactory, ReportFactory
from tests.panel.helpers import upload

pytestmark = pytest.mark.django_db


def _report(title="Precept proposal"):
    return Report(
        title=title,
        contact="Ian Dickinson",
        executive_summary="The Commissioner proposes a precept.",
        recommendation="The Panel is asked to review the proposal.",
        body="## The proposal",
    )


def test_a_report_paper_belongs_to_the_items_meeting_and_follows_the_items_papers():
    item = AgendaItemFactory()
    first = meeting_services.add_report_paper(item=item, report=_report(), late=True)
    second = meeting_services.add_report_paper(item=item, report=_report("Appendix"))
    assert first.report.meeting == item.meeting
    assert (first.kind, first.title, first.late) == (Paper.Kind.REPORT, "Precept proposal", True)
    assert [first.position, second.position] == [1, 2]


def test_an_uploaded_paper_keeps_the_original_private_beside_the_cleaned_copy():
    item = AgendaItemFactory()
    paper = meeting_services.add_upload_paper(item=item, title="Appendix A", upload=upload("A"))
    assert paper.kind == Paper.Kind.UPLOAD and paper.position == 1
    assert paper.upload and paper.original_upload
    assert paper.upload.name != paper.original_upload.name
    assert paper.upload_page_count == 1 and paper.upload_sha256


def test_an_upload_over_the_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(meeting_services, "UPLOAD_LIMIT", 10)
    with pytest.raises(InvalidPDF, match="the largest allowed"):
        meeting_services.add_upload_paper(
            item=AgendaItemFactory(), title="Appendix A", upload=upload("A")
        )
    assert not Paper.objects.exists()


def test_only_a_version_the_public_can_read_is_added_as_a_paper():
    unpublished = Version(title="Draft estates strategy", number=1)
    with pytest.raises(NothingToPublish, match="choose a version the public can read"):
        meeting_services.add_publication_paper(item=AgendaItemFactory(), version=unpublished)
    assert not Paper.objects.exists()


def test_removing_a_report_paper_removes_the_report_nothing_else_carries():
    item = AgendaItemFactory()
    paper = meeting_services.add_report_paper(item=item, report=_report())
    meeting_services.remove_paper(paper=paper)
    assert not Paper.objects.exists() and not Report.objects.exists()


def test_editing_a_report_renames_its_papers():
    item = AgendaItemFactory()
    paper = meeting_services.add_report_paper(item=item, report=ReportFactory(meeting=item.meeting))
    report = paper.report
    report.title = "Revised precept proposal"
    meeting_services.update_report(report=report)
    paper.refresh_from_db()
    assert paper.title == "Revised precept proposal"


def test_removing_an_item_removes_its_papers_and_renumbers_the_rest():
    meeting = MeetingFactory()
    first = AgendaItemFactory(meeting=meeting, number=1)
    second = AgendaItemFactory(meeting=meeting, number=2)
    meeting_services.add_report_paper(item=first, report=_report())
    meeting_services.remove_item(item=first)
    second.refresh_from_db()
    assert second.number == 1
    assert not Paper.objects.exists() and not Report.objects.exists()


def test_cancelling_a_meeting_records_the_reason():
    meeting = MeetingFactory(date=datetime.date(2022, 1, 17))
    cancelled = meeting_services.change_meeting_status(
        meeting=meeting, action="cancel", reason="Not quorate."
    )
    assert (cancelled.status, cancelled.status_reason) == (Meeting.Status.CANCELLED, "Not quorate.")


def test_a_status_change_the_meeting_does_not_allow_is_refused():
    meeting = MeetingFactory(date=datetime.date(2022, 1, 17))
    meeting_services.change_meeting_status(meeting=meeting, action="cancel", reason="Not quorate.")
    with pytest.raises(InvalidTransition, match="Only a scheduled meeting can be postponed"):
        meeting_services.change_meeting_status(
            meeting=meeting, action="postpone", reason="Moved.", new_date=datetime.date(2022, 2, 1)
        )
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.CANCELLED


def test_an_unknown_status_action_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown action"):
        meeting_services.change_meeting_status(meeting=MeetingFactory(), action="abandon")


def test_only_a_minutes_item_that_names_its_meeting_approves_minutes():
    item = AgendaItemFactory(kind="report")
    with pytest.raises(InvalidTransition, match="Only a minutes item"):
        proceedings.approve_minutes(item=item)
