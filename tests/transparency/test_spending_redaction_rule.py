"""The rule that flags spending rows which may name a person: each case it once missed, and why;
titles, initials, types and marks however files write them; organisations left alone."""

import pytest

from tests.transparency.spending_review_helpers import MISSED
from transparency.redaction import redaction_flags


@pytest.mark.parametrize(
    ("supplier", "supplier_type", "expense_type", "reason"), MISSED.values(), ids=MISSED.keys()
)
def test_the_rule_flags_each_case_it_missed_and_says_why(
    supplier, supplier_type, expense_type, reason
):
    flags = redaction_flags(
        supplier=supplier, supplier_type=supplier_type, expense_type=expense_type
    )
    assert any(reason in flag for flag in flags), flags
    assert not any(supplier in flag for flag in flags)  # the reason never repeats the name


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"supplier": "Smith, Mrs Jane"}, "title “Mrs”"),
        ({"supplier": "SMITH J MR"}, "title “Mr”"),
        ({"supplier": "Prof. Ann Smith"}, "title “Prof”"),
        ({"supplier": "Smith J A"}, "initials and a surname"),
        ({"supplier": "Anyone", "supplier_type": "Sole trader"}, "means a person"),
        ({"supplier": "Anyone", "supplier_type": "Private individual"}, "means a person"),
        ({"supplier": "REDACTED - PERSONAL DATA"}, "marks the payee as an individual"),
        ({"supplier": "Sample Ltd", "marked_as_individual": "Yes"}, "marks the payee"),
    ],
)
def test_the_rule_reads_titles_initials_types_and_marks_every_way_files_write_them(row, reason):
    assert any(reason in flag for flag in redaction_flags(**row))


@pytest.mark.parametrize(
    "row",
    [
        {"supplier": "Sample Stationers Ltd", "supplier_type": "Company", "expense_type": "Fuel"},
        {"supplier": "Lancashire County Council", "expense_type": "Grants"},
        {"supplier": "Drake Cleaning Ltd"},
        {"supplier": "Mission Church Trust"},
        {"supplier": "E.ON"},
        {"supplier": "Vodafone UK"},
        {"supplier": "Jane Doe Catering", "expense_type": "Catering"},
        # A plain name alone is not enough: nothing about the payment suggests a person.
        {"supplier": "Sample Supplies", "supplier_type": "Company", "expense_type": "Fuel"},
    ],
)
def test_the_rule_leaves_organisations_alone(row):
    assert redaction_flags(**row) == []
