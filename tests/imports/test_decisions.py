"""Historic decisions from a spreadsheet with their signed notices in a ZIP."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions import services as decision_services
from decisions.models import Decision, DecisionSequence
from imports import services
from imports.models import DecisionImport, ImportedRecord, ImportRun
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.models import Version
from tests.access import AccessRule, PostAction
from tests.accounts.factories import reauthenticate
from tests.panel.helpers import pdf_bytes
from tests.spreadsheets import listed_problems

pytestmark = pytest.mark.django_db

HEADER = "reference,title,decision date,decision maker,priority,summary,restricted,notice\n"
GOOD = (
    HEADER + "27/2021,Police and Crime Plan 2021-2025,15/12/2021,Police and Crime Commissioner,"
    "All priorities,The Commissioner issues his plan.,no,28-2021.pdf\n"
    + "12/2021,Victim services contract award,01/09/2021,Police and Crime Commissioner,"
    "Governance,SECRETSUMMARY of the award.,yes,\n"
    + "03/2022,Estates strategy,20/05/2022,Deputy Police and Crime Commissioner,,"
    "The Deputy approves the strategy.,no,estates.pdf\n"
)


def csv_file(text=GOOD, name="decisions.csv"):
    return SimpleUploadedFile(name, text.encode(), "text/csv")


def zip_file(**files):
    files = files or {
        "28-2021.pdf": pdf_bytes("NOTICETEXT Decision 27/2021, signed."),
        "notices/estates.pdf": pdf_bytes("ESTATESTEXT Decision 03/2022, signed."),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return SimpleUploadedFile("notices.zip", buffer.getvalue(), "application/zip")


def empty_zip():
    buffer = io.BytesIO()
    zipfile.ZipFile(buffer, "w").close()
    return SimpleUploadedFile("notices.zip", buffer.getvalue(), "application/zip")


def upload(editor, table=None, notices=None):
    return services.upload_decision_import(
        table=table or csv_file(), notices=notices or zip_file(), by=editor
    )


@pytest.fixture
def applied(editor, django_capture_on_commit_callbacks):
    decision_import = upload(editor)
    with django_capture_on_commit_callbacks(execute=True):
        return services.apply_decision_import(
            decision_import=decision_import, by=editor, today=datetime.date(2026, 12, 3)
        )


def test_every_bad_row_is_named_and_nothing_is_applied(editor):
    table = csv_file(
        HEADER
        + "27/2021,Plan,15/12/2021,Police and Crime Commissioner,,,no,28-2021.pdf\n"
        + "2021-27,,32/13/2021,The Mayor,Roads,,perhaps,missing.pdf\n"
        + "27/2021,Plan again,15/12/2021,Police and Crime Commissioner,,,no,28-2021.pdf\n"
        + "05/2021,Dated in the wrong year,15/03/2021,Police and Crime Commissioner,,,no,\n"
    )

    decision_import = upload(editor, table=table)

    assert decision_import.status == DecisionImport.Status.INVALID
    problems = {(e["row"], e["column"]) for e in decision_import.errors}
    assert problems == {
        (3, "reference"),
        (3, "title"),
        (3, "decision date"),
        (3, "decision maker"),
        (3, "priority"),
        (3, "restricted"),
        (3, "notice"),
        (4, "reference"),
        (5, "decision date"),
        (5, "notice"),
        (0, "ZIP"),  # estates.pdf: no row names it
    }
    messages = " ".join(e["message"] for e in decision_import.errors)
    assert "27/2021 is already in row 2." in messages
    assert "15 March 2021 is in the financial year 2020/21, not 2021/22" in messages
    assert "missing.pdf is not in the ZIP." in messages
    assert not Decision.objects.exists()
    with pytest.raises(services.ImportFailed):
        services.apply_decision_import(decision_import=decision_import, by=editor)
    assert not Decision.objects.exists()


def test_a_decision_date_is_read_as_every_import_reads_a_day(editor):
    table = csv_file(
        GOOD.replace("15/12/2021", "15/12/21").replace("20/05/2022", "20 May 2022 00:00")
    )

    decision_import = upload(editor, table=table)

    assert decision_import.errors == []
    assert [row["decision_date"] for row in decision_import.rows] == [
        "2021-12-15",
        "2021-09-01",
        "2022-05-20",
    ]


def test_wrong_columns_are_named(editor):
    decision_import = upload(editor, table=csv_file("ref,heading\n1/2021,x\n"))

    (error,) = decision_import.errors
    assert error["row"] == 1
    assert "missing title, decision date, decision maker" in error["message"]
    assert "unknown “heading”" in error["message"]


def test_a_reference_already_in_the_portal_is_refused(editor, applied):
    decision_import = upload(editor)

    assert decision_import.status == DecisionImport.Status.INVALID
    assert "27/2021 is already in the portal." in [e["message"] for e in decision_import.errors]


def test_historic_decisions_keep_their_numbers_and_dates_marked_as_imported(applied, editor):
    assert applied.status == DecisionImport.Status.APPLIED
    plan = Decision.objects.get(financial_year=2021, number=27)
    assert plan.status == Decision.Status.SIGNED and plan.published_at is not None
    assert plan.decision_date == datetime.date(2021, 12, 15)
    assert plan.signed_by is None  # signed in the previous system, not again here
    assert plan.signatory_title == "Police and Crime Commissioner"
    assert plan.priority_text == "All priorities"
    record = ImportedRecord.objects.for_object(plan).get()
    assert record.source == ImportRun.Source.SPREADSHEET
    assert record.source_id == "decision:27/2021"
    assert applied.run.created_count == 3
    (version,) = Version.objects.for_object(plan)
    assert version.status == Version.Status.READY
    assert version.change_note == "Imported from the previous system on 3 December 2026."
    assert "NOTICETEXT" in version.text


def test_the_public_read_an_imported_decision_and_its_signed_notice(applied, client):
    page = client.get("/decisions/2021/27/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "imported from the previous system on 3 December 2026" in text
    assert "The Commissioner issues his plan." in text
    pdf = client.get("/decisions/2021/27.pdf")
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    register = client.get("/decisions/").content.decode()
    assert "Police and Crime Plan 2021-2025" in register
    assert "Victim services contract award" in register


def test_a_restricted_decision_shows_only_its_stub(applied, client):
    restricted = Decision.objects.get(financial_year=2021, number=12)
    assert restricted.is_restricted
    page = client.get("/decisions/2021/12/").content.decode()
    assert "Victim services contract award (restricted)" in page
    assert "SECRETSUMMARY" not in page
    (version,) = Version.objects.for_object(restricted)
    assert "SECRETSUMMARY" not in version.text + version.html + version.document_html
    assert "SECRETSUMMARY" not in client.get("/decisions.csv").getvalue().decode()
    assert "SECRETSUMMARY" not in client.get("/decisions.json").content.decode()


def test_numbering_continues_after_the_highest_imported_number_of_each_year(applied):
    assert DecisionSequence.objects.get(financial_year=2021).next_reference == "28/2021"
    assert DecisionSequence.objects.get(financial_year=2022).next_reference == "04/2022"


def test_numbering_already_further_on_is_kept(editor, django_capture_on_commit_callbacks):
    decision_services.continue_numbering(financial_year=2021, last_number=40)
    decision_import = upload(editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_decision_import(decision_import=decision_import, by=editor)

    assert DecisionSequence.objects.get(financial_year=2021).last_number == 40


def test_rows_are_checked_again_when_applied(editor):
    decision_import = upload(editor)
    decision_services.continue_numbering(financial_year=2021, last_number=26)
    Decision.objects.create(
        status=Decision.Status.DRAFT,
        title="Numbered on raising meanwhile",
        decision_maker_id=Decision._meta.get_field("decision_maker")
        .related_model.objects.filter(kind="commissioner")
        .get()
        .pk,
        executive_summary="x",
        recommendation="x",
        background="x",
        financial_year=2021,
        number=27,
    )

    result = services.apply_decision_import(decision_import=decision_import, by=editor)

    assert result.status == DecisionImport.Status.INVALID
    assert "27/2021 is already in the portal." in [e["message"] for e in result.errors]
    assert Decision.objects.count() == 1


def test_a_workbook_is_read_like_a_csv(editor):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Reference", "Title", "Decision date", "Decision maker", "Restricted"])
    sheet.append(["12/2021", "Victim services", datetime.date(2021, 9, 1), "PCC", "Yes"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = SimpleUploadedFile("decisions.xlsx", buffer.getvalue())

    decision_import = upload(editor, table=table, notices=empty_zip())

    assert decision_import.status == DecisionImport.Status.CHECKED, decision_import.errors
    (row,) = decision_import.rows
    assert (row["decision_date"], row["restricted"]) == ("2021-09-01", True)


# Staff pages ------------------------------------------------------------------------------------


def _import_kwargs():
    from tests.accounts.factories import UserFactory

    decision_import = upload(UserFactory(username="uploader"))
    return {"pk": decision_import.pk}


class TestDecisionImportListAccess(AccessRule):
    url_name = "imports:decision_imports"
    access = "imports.view_decisionimport"


class TestDecisionImportUploadAccess(AccessRule):
    url_name = "imports:decision_upload"
    access = "imports.add_decisionimport"


class TestDecisionImportDetailAccess(AccessRule):
    url_name = "imports:decisions"
    access = "imports.view_decisionimport"

    def make_url_kwargs(self):
        return _import_kwargs()


class TestDecisionImportApplyAccess(PostAction, TestDecisionImportDetailAccess):
    url_name = "imports:decision_apply"
    access = "imports.apply_decisionimport"


class TestDecisionImportDiscardAccess(PostAction, TestDecisionImportDetailAccess):
    url_name = "imports:decision_discard"
    access = "imports.add_decisionimport"


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    reauthenticate(client)  # applying an import publishes: it asks for the password again
    return client


def test_an_unreadable_zip_is_named_beside_its_field(staff_client):
    response = staff_client.post(
        reverse("imports:decision_upload"),
        {
            "table": csv_file(),
            "notices": SimpleUploadedFile("notices.zip", b"not a zip", "application/zip"),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_notices">The notices file is not a ZIP archive' in page
    assert not DecisionImport.objects.exists()


def test_staff_upload_preview_and_apply(staff_client, django_capture_on_commit_callbacks):
    response = staff_client.post(
        reverse("imports:decision_upload"), {"table": csv_file(), "notices": zip_file()}
    )
    decision_import = DecisionImport.objects.get()
    assert response["Location"] == decision_import.get_absolute_url()
    preview = staff_client.get(decision_import.get_absolute_url()).content.decode()
    assert "27/2021" in preview and "Import and publish all 3 decisions" in preview

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("imports:decision_apply", kwargs={"pk": decision_import.pk}))

    page = staff_client.get(decision_import.get_absolute_url()).content.decode()
    assert "3 decisions imported and published" in page
    assert Decision.objects.published().count() == 3


def test_a_file_with_problems_lists_them_by_row_and_counts_them(staff_client):
    staff_client.post(
        reverse("imports:decision_upload"),
        {"table": csv_file(HEADER + "x,,,,,,,\n"), "notices": empty_zip()},
    )
    page = staff_client.get(DecisionImport.objects.get().get_absolute_url()).content.decode()
    problems = listed_problems(page)
    assert len(problems) > 1 and {row for row, _, _ in problems} == {"2"}
    # Every problem counted, as the figures import counts them, not only the rows.
    assert f"Nothing can be applied: {len(problems)} problems in 1 row" in page
    assert ["2", "reference", "“x” is not a reference like 28/2021."] in problems
    assert "Import and publish" not in page


def test_an_import_that_cannot_be_applied_says_why_as_every_import_does(editor):
    invalid = upload(editor, table=csv_file(HEADER + "x,,,,,,,\n"), notices=empty_zip())
    with pytest.raises(
        services.ImportFailed, match="^This import has problems: none of it can be applied.$"
    ):
        services.apply_decision_import(decision_import=invalid, by=editor)
    services.discard_import(spreadsheet_import=invalid)
    with pytest.raises(
        services.ImportFailed, match="^This import was discarded: upload the file again.$"
    ):
        services.apply_decision_import(decision_import=invalid, by=editor)


def test_an_applied_import_is_not_said_to_be_discarded(staff_client, applied):
    # A second tab, opened before the import was applied, still shows the discard button.
    response = staff_client.post(
        reverse("imports:decision_discard", kwargs={"pk": applied.pk}), follow=True
    )
    page = response.content.decode()
    assert "An applied import is part of the record: it cannot be discarded." in page
    assert "The import was discarded" not in page
    assert DecisionImport.objects.get(pk=applied.pk).status == DecisionImport.Status.APPLIED


def test_an_applied_import_cannot_be_discarded_as_no_applied_import_can(applied):
    with pytest.raises(InvalidTransition):
        services.discard_import(spreadsheet_import=applied)


def test_applying_an_import_asks_for_the_password_again(client, superuser):
    client.force_login(superuser)
    kwargs = _import_kwargs()
    response = client.post(reverse("imports:decision_apply", kwargs=kwargs))
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert DecisionImport.objects.get(pk=kwargs["pk"]).status != DecisionImport.Status.APPLIED


def test_a_notice_in_the_zip_that_no_row_names_is_refused(editor):
    notices = zip_file(
        **{
            "28-2021.pdf": pdf_bytes("NOTICETEXT Decision 27/2021, signed."),
            "estates.pdf": pdf_bytes("ESTATESTEXT Decision 03/2022, signed."),
            "drafts/Stray Notice.pdf": pdf_bytes("A notice no row names."),
        }
    )
    decision_import = upload(editor, notices=notices)
    assert decision_import.status == DecisionImport.Status.INVALID
    assert [(e["row"], e["column"]) for e in decision_import.errors] == [(0, "ZIP")]
    assert (
        "Stray Notice.pdf is in the ZIP but no row names it" in decision_import.errors[0]["message"]
    )
    assert not Decision.objects.exists()
