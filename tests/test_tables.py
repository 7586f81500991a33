"""The one CSV writer every export uses: text a spreadsheet would run is quoted, numbers are not;
the one reader of each kind of cell, and the one listing of problems, which every import uses."""

import datetime
from decimal import Decimal

import pytest

from pcc_portal import tables
from pcc_portal.tables import (
    CheckResult,
    RowError,
    UnreadableTable,
    cell_day,
    cell_number,
    cell_yes_no,
    csv_lines,
    listed_problems,
    safe_csv,
    spreadsheet_cell,
)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+44 1772 000000", "'+44 1772 000000"),
        ("-2", "'-2"),  # text, as a person typed it: it stays text
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Lunch = hospitality", "Lunch = hospitality"),
        ("", ""),
        (None, ""),
        (-3, -3),
        (Decimal("-3.50"), "-3.50"),
        (Decimal("2.41E+4"), "24100"),
        (-0.25, "-0.25"),
        (float("-inf"), "'-inf"),
        (True, "true"),
        (datetime.date(2025, 10, 1), "2025-10-01"),
    ],
)
def test_a_cell_is_quoted_only_when_it_is_text_that_starts_like_a_formula(value, cell):
    assert spreadsheet_cell(value) == cell


def test_the_file_starts_with_a_byte_order_mark_and_quotes_each_cell_as_needed():
    lines = list(csv_lines([["name", "value"], ['=HYPERLINK("x")', Decimal("-1")]]))
    assert "".join(lines) == '\ufeffname,value\r\n"\'=HYPERLINK(""x"")",-1\r\n'


def test_a_csv_file_is_written_again_with_its_formulas_marked_as_text_and_its_numbers_kept():
    """A CSV that staff publish comes from elsewhere (a finance system, a supplier's name): it
    reaches the public through the same writer as the portal's own CSVs."""
    data = (
        "Supplier,Amount,Reference\r\n"
        '"=HYPERLINK(""http://x"",""Invoice"")",-1234.50,007\r\n'
        "@SUM(A1),+12,-\r\n"
        "Lunch = hospitality,-.5,£98\r\n"
    ).encode("cp1252")
    assert safe_csv(data).decode("utf-8") == (
        "\ufeffSupplier,Amount,Reference\r\n"
        '"\'=HYPERLINK(""http://x"",""Invoice"")",-1234.50,007\r\n'
        "'@SUM(A1),12,'-\r\n"
        "Lunch = hospitality,-0.5,£98\r\n"
    )


def test_a_csv_file_that_cannot_be_read_is_refused():
    with pytest.raises(UnreadableTable, match="malformed"):
        safe_csv(b'"' + b"x" * 200_000 + b'"\n')


@pytest.mark.parametrize(
    "value",
    [
        "15/12/2021",
        "15/12/21",
        "2021-12-15",
        "15-12-2021",
        "15.12.2021",
        "15 December 2021",
        "15 Dec 2021",
        " 15/12/2021 ",
        "15/12/2021 18:00:00",  # as Modern.gov writes a meeting's
        "2021-12-15T18:00:00",
        datetime.date(2021, 12, 15),
        datetime.datetime(2021, 12, 15, 18, 0),  # noqa: DTZ001 (openpyxl gives a naive one)
    ],
)
def test_a_day_is_read_as_people_and_finance_systems_write_it(value):
    assert cell_day(value) == datetime.date(2021, 12, 15)


@pytest.mark.parametrize("value", [None, "", "not a date", "31/02/2021", "12/2021", 44545])
def test_a_cell_that_holds_no_day_reads_as_none(value):
    assert cell_day(value) is None


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("1250", Decimal("1250")),
        ("£1,250.00", Decimal("1250.00")),
        (" -3.5 ", Decimal("-3.5")),
        (1250, Decimal("1250")),
        (612.4, Decimal("612.4")),  # a workbook's number, as it shows it
        (Decimal("9500.00"), Decimal("9500.00")),
    ],
)
def test_a_number_is_read_as_a_spreadsheet_holds_it_or_people_write_an_amount(value, number):
    assert cell_number(value) == number


@pytest.mark.parametrize(
    "value", [None, "", "ten pounds", "NaN", "Infinity", "-inf", float("nan"), True, "1.2.3"]
)
def test_a_cell_that_holds_no_finite_number_reads_as_none(value):
    assert cell_number(value) is None


@pytest.mark.parametrize(
    ("value", "answer"),
    [
        ("Yes", True),
        ("y", True),
        (True, True),  # a workbook's TRUE
        (1, True),
        ("No", False),
        ("", False),
        (None, False),
        (False, False),
        ("perhaps", None),
        ("restricted", None),
    ],
)
def test_a_yes_or_no_is_read_as_people_and_workbooks_write_one(value, answer):
    assert cell_yes_no(value) is answer


def test_a_column_may_take_its_own_words_for_yes():
    assert cell_yes_no("Restricted", yes={"restricted"}) is True


def test_problems_are_listed_by_row_in_order_and_counted():
    checked = CheckResult()
    checked.add([RowError(7, "Amount", "“abc” is not a number.")])
    checked.add([RowError(3, "Date", "The date is missing."), RowError(3, "Amount", "No amount.")])
    listed = listed_problems(checked)
    assert [(row, [e["column"] for e in errors]) for row, errors in listed["error_rows"]] == [
        (3, ["Date", "Amount"]),
        (7, ["Amount"]),
    ]
    assert listed["problems"] == "3 problems in 2 rows"
    assert not listed["errors_cut_short"]


def test_problems_stored_as_dicts_are_listed_as_those_just_found():
    error = RowError(0, "", "The file is not a valid Excel workbook.")
    checked = CheckResult()
    checked.add([error])
    stored = CheckResult(errors=[error.as_dict()], error_count=1, error_row_count=1)
    assert listed_problems(stored) == listed_problems(checked)
    assert listed_problems(stored)["problems"] == "1 problem in 1 row"


def test_only_the_first_rows_with_problems_are_listed_with_every_problem_counted(monkeypatch):
    monkeypatch.setattr(tables, "MAX_ERROR_ROWS", 2)
    checked = CheckResult()
    for row in range(2, 1202):
        checked.add([RowError(row, "Value", "No value."), RowError(row, "Period", "No period.")])
    listed = listed_problems(checked)
    assert [row for row, _ in listed["error_rows"]] == [2, 3]
    assert listed["errors_cut_short"]
    assert listed["problems"] == "2,400 problems in 1,200 rows"
