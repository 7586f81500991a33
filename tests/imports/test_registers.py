"""Register entries from a spreadsheet, before anything is applied: the columns and templates,
the check of every row, and a workbook read as a CSV is."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports import registers, services
from imports.models import EntryImport
from pcc_portal.tables import read_table
from tests.imports.entries import apply
from tests.imports.register_tables import GIFTS, table, upload
from transparency.models import Contract, GiftHospitality

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize("written", ["2021-22", "2021/22", "2021 / 2022", "2021-2022"])
def test_a_financial_year_is_read_however_it_is_written(editor, written):
    entry_import = upload(editor, GIFTS.replace("2021-22", written))

    assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
    assert entry_import.rows[0]["data"]["financial_year"] == "2021"


def test_two_years_are_not_a_financial_year(editor):
    entry_import = upload(editor, GIFTS.replace("2021-22", "2021-23"))

    [error] = entry_import.errors
    assert (error["row"], error["column"]) == (2, "Financial year")
    assert error["message"].startswith("“2021-23” is not one of:")


def test_a_yes_or_no_is_read_as_every_import_reads_one(editor):
    """ "Restricted" says yes to the decisions import's restricted column only: in a register's
    yes-or-no column it said yes as well, because the two shared one list of yeses."""
    header, first, second = GIFTS.splitlines()
    text = "\n".join([header + ",Nil return", first + ",restricted", second + ",No"])

    entry_import = upload(editor, text)

    assert [(e["row"], e["column"], e["message"]) for e in entry_import.errors] == [
        (2, "Nil return", "“restricted” is not yes or no.")
    ]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-inf"])
def test_an_amount_that_is_no_finite_number_is_named_as_every_other_bad_amount(editor, value):
    """Decimal reads "NaN" and "Infinity": the import took them as amounts and left the form to
    refuse them in other words. Every import reads a number in a cell the one way."""
    header, good = GIFTS.splitlines()[:2]
    row = good.split(",")
    row[7] = value
    entry_import = upload(editor, "\n".join([header, ",".join(row)]))

    assert [(e["row"], e["column"], e["message"]) for e in entry_import.errors] == [
        (2, "Estimated value", f"“{value}” is not an amount like 1,250.00.")
    ]


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
