"""The one CSV writer every export uses: text a spreadsheet would run is quoted, numbers are not."""

import datetime
from decimal import Decimal

import pytest

from pcc_portal.tables import UnreadableTable, csv_lines, safe_csv, spreadsheet_cell


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
