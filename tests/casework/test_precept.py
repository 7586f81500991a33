"""The precept's statutory timetable (Schedule 5 and the 2012 Regulations): notified by
1 February, the Panel's report by 8 February, a veto by two-thirds of the members in office,
the revised precept by 15 February and the second report by 22 February, issued before 1 March."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework import services
from casework.models import CaseworkError, Step
from casework.timetables import precept_due, timetable, veto_majority
from tests.accounts.factories import UserFactory
from tests.casework.factories import CaseFactory, date
from tests.panel.helpers import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("members", "needed"),
    [(15, 10), (14, 10), (13, 9), (12, 8), (11, 8), (10, 7), (9, 6), (3, 2), (1, 1)],
)
def test_a_veto_needs_two_thirds_of_the_members_in_office_rounded_up(members, needed):
    assert veto_majority(members) == needed


def test_a_vacant_seat_lowers_the_veto_majority_only_when_it_crosses_a_third():
    # 15 seats with 2 vacant: 13 members in office, 26/3 = 8.67, so 9 votes.
    assert veto_majority(15 - 2) == 9
    # With one vacancy, 14 in office: 28/3 = 9.33, still 10.
    assert veto_majority(15 - 1) == 10


def test_a_panel_with_no_members_cannot_veto():
    with pytest.raises(ValueError, match="no members"):
        veto_majority(0)


def test_the_precept_dates_are_fixed_by_the_regulations():
    due = precept_due(2022)
    assert due[Step.Kind.PROPOSAL] == date(2, 1)
    assert due[Step.Kind.REPORT] == date(2, 8)
    assert due[Step.Kind.REVISED] == date(2, 15)
    assert due[Step.Kind.SECOND_REPORT] == date(2, 22)
    assert due[Step.Kind.FINAL] == date(2, 28)
    assert precept_due(2024)[Step.Kind.FINAL] == datetime.date(2024, 2, 29)  # a leap year


def _record(case, kind, on, **fields):
    return services.record_step(
        step=Step(case=case, kind=kind, date=on, **fields), by=UserFactory()
    )


def _proposed():
    """A 2022 precept case with its proposed precept notified on 28 January."""
    case = CaseFactory(year=2022)
    _record(case, Step.Kind.PROPOSAL, date(1, 28), amount=Decimal("241.45"))
    return case


def _veto(case, kind, on, **votes):
    """A report of the Panel (``kind``: its first or its second) vetoing the precept as too high
    by ``votes``."""
    return _record(
        case,
        kind,
        on,
        outcome=Step.Outcome.VETOED,
        veto_direction=Step.VetoDirection.TOO_HIGH,
        **votes,
    )


def test_the_timetable_marks_steps_done_late_and_overdue():
    case = CaseFactory(year=2022)
    _record(case, Step.Kind.PROPOSAL, date(2, 2), amount=Decimal("236.45"))
    table = timetable(case, today=date(2, 9))
    statuses = {m.kind: m.status(table.today) for m in table.milestones}
    assert statuses[Step.Kind.PROPOSAL] == "late"  # notified after 1 February
    assert statuses[Step.Kind.REPORT] == "overdue"
    assert statuses[Step.Kind.FINAL] == "due"
    assert table.next_due.kind == Step.Kind.HEARING
    # Without a veto there is no revised precept or second report to wait for.
    assert Step.Kind.REVISED not in statuses


def test_a_veto_carried_by_two_thirds_adds_the_revised_precept_to_the_timetable():
    case = _proposed()
    _veto(case, Step.Kind.REPORT, date(2, 1), votes_for=9, votes_against=4, members_in_office=13)
    kinds = [m.kind for m in timetable(case, today=date(2, 2)).milestones]
    assert kinds.index(Step.Kind.REVISED) < kinds.index(Step.Kind.SECOND_REPORT)


def test_a_veto_short_of_two_thirds_is_refused_with_the_number_needed():
    case = _proposed()
    with pytest.raises(CaseworkError, match="9 votes. 8 is not enough") as error:
        _veto(
            case, Step.Kind.REPORT, date(2, 1), votes_for=8, votes_against=5, members_in_office=13
        )
    assert error.value.field == "votes_for"


def test_the_revised_precept_must_move_the_way_the_veto_said():
    case = _proposed()
    _veto(case, Step.Kind.REPORT, date(2, 1), votes_for=10, members_in_office=15)
    with pytest.raises(CaseworkError, match="must be lower"):
        _record(case, Step.Kind.REVISED, date(2, 10), amount=Decimal("241.45"))
    _record(case, Step.Kind.REVISED, date(2, 10), amount=Decimal("236.45"))


def test_the_second_report_cannot_veto_again():
    case = _proposed()
    _veto(case, Step.Kind.REPORT, date(2, 1), votes_for=10, members_in_office=15)
    _record(case, Step.Kind.REVISED, date(2, 10), amount=Decimal("236.45"))
    with pytest.raises(CaseworkError, match="Only the Panel's first report"):
        _veto(case, Step.Kind.SECOND_REPORT, date(2, 15), votes_for=15, members_in_office=15)


def test_a_vetoed_precept_is_issued_only_after_the_second_report():
    case = _proposed()
    _veto(case, Step.Kind.REPORT, date(2, 1), votes_for=10, members_in_office=15)
    with pytest.raises(CaseworkError, match="after the Panel has reported on the revised"):
        _record(case, Step.Kind.FINAL, date(2, 20), amount=Decimal("241.45"))


def test_steps_come_in_order_and_not_before_what_they_follow():
    case = CaseFactory(year=2022)
    with pytest.raises(CaseworkError, match="Record the proposed precept"):
        _record(case, Step.Kind.REPORT, date(2, 1), outcome=Step.Outcome.SUPPORTED)
    _record(case, Step.Kind.PROPOSAL, date(1, 28), amount=Decimal("236.45"))
    with pytest.raises(CaseworkError, match="cannot come before") as error:
        _record(case, Step.Kind.REPORT, date(1, 20), outcome=Step.Outcome.SUPPORTED)
    assert error.value.field == "date"
    with pytest.raises(CaseworkError, match="more votes|More votes"):
        _record(
            case,
            Step.Kind.REPORT,
            date(2, 1),
            outcome=Step.Outcome.SUPPORTED,
            votes_for=10,
            votes_against=6,
            members_in_office=15,
        )


def test_a_document_is_cleaned_before_it_is_kept_and_the_original_stays_private():
    case = CaseFactory(year=2022)
    upload = SimpleUploadedFile("report.pdf", pdf_bytes("PRECEPTREPORT"), "application/pdf")
    step = services.record_step(
        step=Step(case=case, kind=Step.Kind.PROPOSAL, date=date(1, 28), amount=Decimal("1")),
        document=upload,
        by=UserFactory(),
    )
    assert step.document.name.startswith("casework/documents/")
    assert step.original_document.name.startswith("casework/originals/")
    assert step.document.open("rb").read().startswith(b"%PDF")


def test_a_file_that_is_not_a_pdf_is_refused_beside_the_document_field():
    case = CaseFactory(year=2022)
    upload = SimpleUploadedFile("report.pdf", b"not a pdf at all", "application/pdf")
    with pytest.raises(CaseworkError) as error:
        services.record_step(
            step=Step(case=case, kind=Step.Kind.PROPOSAL, date=date(1, 28), amount=Decimal("1")),
            document=upload,
            by=UserFactory(),
        )
    assert error.value.field == "document"


def test_one_precept_a_year():
    case = CaseFactory(year=2022)
    with pytest.raises(CaseworkError, match="already"):
        services.open_case(case=CaseFactory.build(panel=case.panel, year=2022), by="secretary")


def test_a_document_not_named_as_a_pdf_is_refused_beside_the_document_field():
    case = CaseFactory(year=2022)
    upload = SimpleUploadedFile("report.docx", pdf_bytes("PRECEPTREPORT"), "application/pdf")
    with pytest.raises(CaseworkError, match="its name should end in .pdf") as error:
        services.record_step(
            step=Step(case=case, kind=Step.Kind.PROPOSAL, date=date(1, 28), amount=Decimal("1")),
            document=upload,
            by=UserFactory(),
        )
    assert error.value.field == "document"
