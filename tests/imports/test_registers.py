"""Register entries from a spreadsheet: templates, the check of every row, applying whole or
not at all (released as imported, or kept as drafts), and re-running without duplicates."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports import registers, services
from imports.models import EntryImport, ImportedRecord, ImportRun
from pcc_portal.publications.models import Version
from pcc_portal.tables import read_table
from tests.access import AccessRule, PostAction
from tests.accounts.factories import UserFactory, reauthenticate
from tests.imports.entries import apply
from transparency.models import Contract, ForwardPlanEntry, GiftHospitality, Grant, Interest

pytestmark = pytest.mark.django_db

GIFTS = (
    "Date,Offered to,Role,Financial year,Offered by,Gift or hospitality,Description,"
    "Estimated value,Accepted or declined\n"
    "14/02/2022,Clive Grunshaw,Police and Crime Commissioner,2021-22,Lancashire Business "
    "Awards,Hospitality,Dinner at the awards evening,£45.00,Accepted\n"
    "03/03/2022,Angela Davies,Chief Executive,2021,Blackpool Pleasure Beach,gift,"
    'Two day passes,"1,120",declined\n'
)


def table(text=GIFTS, name="gifts.csv", register="gifts-and-hospitality"):
    return SimpleUploadedFile(name, _only_known(text, register).encode(), "text/csv")


def upload(editor, text=GIFTS, register="gifts-and-hospitality", name="gifts.csv"):
    return services.upload_entry_import(
        register=register, table=table(text, name, register), by=editor
    )


def test_the_columns_are_named_as_the_register_shows_them():
    headings = [column.heading for column in registers.columns_of("gifts-and-hospitality")]
    assert {"Date", "Offered to", "Offered by", "Estimated value", "Accepted or declined"} <= set(
        headings
    )
    assert "Sample" not in headings
    grants = {c.heading: c for c in registers.columns_of("grants")}
    assert grants["Plan priority"].kind == "priority"
    assert grants["Amount"].required and not grants["Fund"].required
    forward = [c.heading for c in registers.columns_of("forward-plan")]
    assert forward[:3] == ["Decision", "Summary", "Expected"]
    assert "Decision made" not in forward  # linked by hand once the decision is signed


@pytest.mark.parametrize("register", list(registers.IMPORTABLE))
def test_each_template_is_an_empty_spreadsheet_with_the_columns(register):
    expected = [column.heading for column in registers.columns_of(register)]
    ((_, header),) = read_table(registers.template_xlsx(register), "template.xlsx")
    assert header == expected
    assert next(registers.template_csv_rows(register)) == expected


def test_a_file_of_good_rows_is_checked_and_nothing_is_applied_yet(editor):
    entry_import = upload(editor)

    assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
    assert [row["action"] for row in entry_import.rows] == ["create", "create"]
    first = dict(
        zip(
            [c.heading for c in registers.public_columns("gifts-and-hospitality")],
            entry_import.rows[0]["shown"],
            strict=False,
        )
    )
    assert first["Date"] == "14 Feb 2022"
    assert first["Estimated value"] == "£45.00"
    assert first["Accepted or declined"] == "Accepted"
    assert entry_import.rows[1]["data"]["estimated_value"] == "1120"
    assert entry_import.rows[1]["data"]["kind"] == "gift"
    assert not GiftHospitality.objects.exists()


def test_every_bad_row_is_named_and_nothing_is_applied(editor):
    header = GIFTS.splitlines()[0]
    text = "\n".join(
        [
            header,
            GIFTS.splitlines()[1],
            "31/02/2022,,Commissioner,2021-22,Someone,Present,A pen,-3,Accepted",
            "14/02/2022,Jo Bloggs,Deputy,2021-22,A firm,Gift,A pen,ten pounds,Kept",
            GIFTS.splitlines()[1],
        ]
    )

    entry_import = upload(editor, text)

    assert entry_import.status == EntryImport.Status.INVALID
    problems = {(e["row"], e["column"]) for e in entry_import.errors}
    assert {
        (3, "Date"),
        (3, "Offered to"),
        (3, "Gift or hospitality"),
        (3, "Estimated value"),
        (4, "Estimated value"),
        (4, "Accepted or declined"),
        (5, ""),
    } <= problems
    messages = " ".join(e["message"] for e in entry_import.errors)
    assert "“31/02/2022” is not a date like 15/12/2021." in messages
    assert "“Present” is not one of: Gift, Hospitality." in messages
    assert "“ten pounds” is not an amount like 1,250.00." in messages
    assert "The estimated value cannot be negative." in messages
    assert "This row repeats row 2." in messages
    assert 2 not in {e["row"] for e in entry_import.errors}
    with pytest.raises(services.ImportFailed):
        apply(entry_import, editor)
    assert not GiftHospitality.objects.exists()


def test_wrong_columns_are_named(editor):
    entry_import = services.upload_entry_import(
        register="gifts-and-hospitality",
        table=SimpleUploadedFile("gifts.csv", b"Offered to,Colour\nClive,Blue\n"),
        by=editor,
    )

    (error,) = entry_import.errors
    assert error["row"] == 1
    missing = error["message"].split(";")[0]
    assert missing.startswith("The columns are wrong (missing ") and "Role" in missing
    assert "Offered to" not in missing
    assert "unknown “colour”" in error["message"]


def test_released_entries_are_public_marked_as_imported_with_their_history(editor, client):
    applied = apply(upload(editor), editor)

    assert applied.status == EntryImport.Status.APPLIED and applied.released is True
    assert applied.run.created_count == 2 and applied.run.source == ImportRun.Source.SPREADSHEET
    gift = GiftHospitality.objects.get(donor="Lancashire Business Awards")
    assert gift.estimated_value == 45 and not gift.is_sample
    (version,) = Version.objects.for_object(gift)
    assert version.kind == Version.Kind.RECORD and version.published_by == editor
    assert version.change_note == "Imported from the previous system on 3 December 2026."
    reasons = [h.history_change_reason for h in gift.history.order_by("history_date")]
    assert reasons[0] == "Imported from the previous system on 3 December 2026."
    assert reasons[-1].startswith("Released version 1, imported; re-authenticated at")
    record = ImportedRecord.objects.for_object(gift).get()
    assert record.source_id.startswith("gifts-and-hospitality:")
    page = client.get("/transparency/gifts-and-hospitality/").content.decode()
    assert "Lancashire Business Awards" in page and "Blackpool Pleasure Beach" in page


def test_entries_kept_as_drafts_are_not_public(editor, client):
    applied = apply(upload(editor), editor, release=False)

    assert applied.released is False
    assert GiftHospitality.objects.count() == 2
    assert not Version.objects.filter(document_type="gift").exists()
    assert (
        "Lancashire Business Awards"
        not in client.get("/transparency/gifts-and-hospitality/").content.decode()
    )
    assert (
        "Lancashire Business Awards"
        not in client.get("/transparency/gifts-and-hospitality.json").content.decode()
    )


def test_the_same_rows_again_are_not_imported_twice(editor):
    apply(upload(editor), editor)
    more = GIFTS + (
        "01/04/2022,Clive Grunshaw,Police and Crime Commissioner,2022-23,Lancashire "
        "Constabulary,Hospitality,Lunch at the passing-out parade,12.50,Accepted\n"
    )

    again = upload(editor, more)

    assert [row["action"] for row in again.rows] == ["unchanged", "unchanged", "create"]
    # The day the rows were imported, as the record of that import has it (not a fixed date).
    imported_on = ImportedRecord.objects.earliest("imported_at").imported_at
    assert again.rows[0]["detail"] == f"already imported on {imported_on:%-d %B %Y}"
    applied = apply(again, editor)
    assert applied.run.created_count == 1 and applied.run.unchanged_count == 2
    assert GiftHospitality.objects.count() == 3
    third = upload(editor, more)
    assert {row["action"] for row in third.rows} == {"unchanged"}


def test_an_entry_typed_in_by_hand_is_recognised(editor):
    entry_import = upload(editor)
    form = registers.build_form("gifts-and-hospitality", entry_import.rows[0]["data"])
    assert form.is_valid(), form.errors
    form.save()  # typed in meanwhile, between the upload and applying it

    applied = apply(entry_import, editor)

    assert applied.run.created_count == 1
    assert applied.run.changes[0]["detail"] == "already in the register"
    assert GiftHospitality.objects.count() == 2


def test_an_entry_deleted_since_its_import_can_be_imported_again(editor):
    apply(upload(editor), editor, release=False)
    GiftHospitality.objects.filter(donor="Lancashire Business Awards").delete()

    applied = apply(upload(editor), editor, release=False)

    assert applied.run.created_count == 1
    assert GiftHospitality.objects.filter(donor="Lancashire Business Awards").exists()


def test_rows_are_checked_again_when_applied(editor):
    from tests.plans.factories import PriorityFactory

    priority = PriorityFactory(title="Tackling Crime and Reoffending")
    text = (
        "Recipient,Amount,Purpose,Awarded,Plan priority,"
        "Why it is expected to reduce crime and disorder\n"
        "Blackburn Youth Zone,25000,Youth diversion,01/06/2021,"
        "Tackling Crime and Reoffending,Diverts young people from crime\n"
    )
    entry_import = upload(editor, text, register="grants")
    assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
    priority.title = "Renamed meanwhile"
    priority.save()

    applied = apply(entry_import, editor)

    assert applied.status == EntryImport.Status.INVALID
    assert "“Tackling Crime and Reoffending” is not a plan priority's title." in [
        e["message"] for e in applied.errors
    ]
    assert not Grant.objects.exists()


def test_releasing_needs_the_permission_to_release(editor):
    importer = UserFactory(username="importer")
    from django.contrib.auth.models import Permission

    importer.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["add_entryimport", "apply_entryimport", "add_gifthospitality"]
        )
    )
    entry_import = upload(importer)

    with pytest.raises(services.ImportFailed, match="may not release"):
        apply(entry_import, importer)
    assert not GiftHospitality.objects.exists()
    assert apply(entry_import, importer, release=False).status == EntryImport.Status.APPLIED


def test_a_workbook_is_read_like_a_csv(editor):
    from openpyxl import Workbook

    from tests.plans.factories import PriorityFactory

    priority = PriorityFactory(title="Keeping People Safe")
    cells = {
        "Reference": "LANC/2021/044",
        "Contract": "Custody healthcare",
        "Supplier": "Mitie Care and Custody",
        "Value": 1250000,
        "Starts": datetime.datetime(2021, 4, 1),  # noqa: DTZ001 (a workbook's date cell)
        "Ends": datetime.date(2024, 3, 31),
        "Priority": str(priority),  # "1. Keeping People Safe", as the register shows it
    }
    known = {column.key for column in registers.columns_of("contracts")}
    cells = {heading: value for heading, value in cells.items() if heading.lower() in known}
    workbook = Workbook()
    workbook.active.append(list(cells))
    workbook.active.append(list(cells.values()))
    buffer = io.BytesIO()
    workbook.save(buffer)

    entry_import = services.upload_entry_import(
        register="contracts",
        table=SimpleUploadedFile("contracts.xlsx", buffer.getvalue()),
        by=editor,
    )

    assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
    apply(entry_import, editor)
    contract = Contract.objects.get()
    assert contract.starts_on == datetime.date(2021, 4, 1)
    assert contract.value == 1250000
    if "priority" in known:
        assert contract.priority == priority


def _only_known(text, register):
    """``text`` without the columns ``register`` does not have: the registers' fields are
    changing (nil returns and financial years are being added), and these tests are about
    the import, not those fields. An unknown column is tested on its own."""
    import csv

    known = {c.key for c in registers.columns_of(register)}
    rows = list(csv.reader(io.StringIO(text)))
    keep = [i for i, name in enumerate(rows[0]) if name.lower() in known]
    out = io.StringIO()
    csv.writer(out).writerows([[row[i] for i in keep] for row in rows])
    return out.getvalue()


def test_interests_and_the_forward_plan_are_imported(editor):
    interests = (
        "Office holder,Office,Financial year,Category,Interest,Registered\n"
        "Clive Grunshaw,Police and Crime Commissioner,2021-22,Membership of organisations,"
        "Member of the Labour Party,13/05/2021\n"
    )
    forward = (
        "Decision,Summary,Expected,Decision maker\n"
        "Estates strategy,The estates plan for 2022-2027,01/05/2022,"
        "Police and Crime Commissioner\n"
    )

    for register, text, model in (
        ("interests", interests, Interest),
        ("forward-plan", forward, ForwardPlanEntry),
    ):
        entry_import = upload(editor, text, register=register, name=f"{register}.csv")
        assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
        apply(entry_import, editor)
        entry = model.objects.get()
        assert Version.objects.for_object(entry).count() == 1


# Staff pages ------------------------------------------------------------------------------------


def _import_kwargs():
    return {"pk": upload(UserFactory(username="uploader")).pk}


class TestEntryImportListAccess(AccessRule):
    url_name = "imports:entry_imports"
    access = "imports.view_entryimport"


class TestEntryImportUploadAccess(AccessRule):
    url_name = "imports:entry_upload"
    url_kwargs = {"register": "gifts-and-hospitality"}
    access = "imports.add_entryimport"


class TestEntryImportTemplateAccess(AccessRule):
    url_name = "imports:entry_template"
    url_kwargs = {"register": "grants", "extension": "xlsx"}
    access = "imports.add_entryimport"


class TestEntryImportDetailAccess(AccessRule):
    url_name = "imports:entry_import"
    access = "imports.view_entryimport"

    def make_url_kwargs(self):
        return _import_kwargs()


class TestEntryImportApplyAccess(PostAction, TestEntryImportDetailAccess):
    url_name = "imports:entry_apply"
    access = "imports.apply_entryimport"
    data = {"outcome": "draft"}


class TestEntryImportDiscardAccess(PostAction, TestEntryImportDetailAccess):
    url_name = "imports:entry_discard"
    access = "imports.add_entryimport"


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def test_the_template_downloads_as_csv(staff_client):
    response = staff_client.get(
        reverse("imports:entry_template", kwargs={"register": "contracts", "extension": "csv"})
    )
    assert response["Content-Disposition"] == 'attachment; filename="contracts.csv"'
    first_line = b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()[0]
    assert first_line.startswith("Reference,Contract,Supplier,Value,Starts,Ends")


def test_the_upload_page_explains_each_column(staff_client):
    page = staff_client.get(
        reverse("imports:entry_upload", kwargs={"register": "gifts-and-hospitality"})
    ).content.decode()
    assert "Accepted or declined" in page
    assert "One of: Accepted, Declined." in page
    assert 'href="/manage/imports/registers/gifts-and-hospitality/template.xlsx"' in page


def test_an_unreadable_file_is_named_beside_its_field(staff_client):
    response = staff_client.post(
        reverse("imports:entry_upload", kwargs={"register": "grants"}),
        {"table": SimpleUploadedFile("grants.xlsx", b"not a workbook")},
    )
    assert response.status_code == 400
    assert "The file is not a valid Excel workbook" in response.content.decode()
    assert not EntryImport.objects.exists()


def test_staff_check_then_release_asking_for_the_password(staff_client, editor):
    response = staff_client.post(
        reverse("imports:entry_upload", kwargs={"register": "gifts-and-hospitality"}),
        {"table": table()},
    )
    entry_import = EntryImport.objects.get()
    assert response["Location"] == entry_import.get_absolute_url()
    preview = staff_client.get(entry_import.get_absolute_url()).content.decode()
    assert "Lancashire Business Awards" in preview and "£1,120.00" in preview
    assert "Import the new entries" in preview
    apply_url = reverse("imports:entry_apply", kwargs={"pk": entry_import.pk})

    unchosen = staff_client.post(apply_url, {})
    assert unchosen.status_code == 400
    assert "Choose whether to release the new entries now" in unchosen.content.decode()
    asked = staff_client.post(apply_url, {"outcome": "release"})
    assert asked["Location"].startswith("/accounts/reauthenticate/")
    assert not GiftHospitality.objects.exists()

    reauthenticate(staff_client)
    staff_client.post(apply_url, {"outcome": "release"})
    page = staff_client.get(entry_import.get_absolute_url()).content.decode()
    assert "2 entries imported and released." in page
    assert GiftHospitality.objects.public().count() == 2


def test_keeping_drafts_does_not_ask_for_the_password(staff_client):
    entry_import = upload(UserFactory(username="uploader"))

    response = staff_client.post(
        reverse("imports:entry_apply", kwargs={"pk": entry_import.pk}), {"outcome": "draft"}
    )

    assert response["Location"] == entry_import.get_absolute_url()
    assert GiftHospitality.objects.count() == 2
    assert not GiftHospitality.objects.public().exists()


def test_a_file_with_problems_lists_them_by_row(staff_client):
    staff_client.post(
        reverse("imports:entry_upload", kwargs={"register": "gifts-and-hospitality"}),
        {"table": table(GIFTS.splitlines()[0] + "\nx,,,,,,,,\n")},
    )
    page = staff_client.get(EntryImport.objects.get().get_absolute_url()).content.decode()
    assert "Nothing can be applied: 1 row with problems" in page
    assert "“x” is not a date like 15/12/2021." in page
    assert "Import the new entries" not in page


def test_a_gifts_financial_year_may_be_left_to_its_date(editor):
    year_field, _date_field = registers._year_from_date("gifts-and-hospitality")
    if not year_field:
        pytest.skip("gifts and hospitality are not filed by financial year")
    columns = {c.field: c for c in registers.columns_of("gifts-and-hospitality")}
    assert not columns["financial_year"].required
    text = GIFTS.replace(",Financial year", "").replace(",2021-22", "").replace(",2021,", ",")

    entry_import = services.upload_entry_import(
        register="gifts-and-hospitality", table=table(text), by=editor
    )

    assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
    assert {row["data"]["financial_year"] for row in entry_import.rows} == {"2021"}
