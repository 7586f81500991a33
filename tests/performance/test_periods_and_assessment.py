"""Financial-year quarters and whether a change is good or bad given the measure's direction."""

import datetime
from decimal import Decimal

import pytest

from performance.assessment import assess, change, format_number
from performance.periods import Period, PeriodError, parse_period, parse_quarter_slug


@pytest.mark.parametrize(
    ("text", "start", "kind"),
    [
        ("2021-22 Q1", datetime.date(2021, 4, 1), "quarter"),
        ("2021-22 Q3", datetime.date(2021, 10, 1), "quarter"),
        ("2021/2022 q4", datetime.date(2022, 1, 1), "quarter"),
        ("Q2 2021-22", datetime.date(2021, 7, 1), "quarter"),
        ("2021-11", datetime.date(2021, 11, 1), "month"),
        ("Nov 2021", datetime.date(2021, 11, 1), "month"),
        ("November 2021", datetime.date(2021, 11, 1), "month"),
        (datetime.datetime(2021, 11, 30), datetime.date(2021, 11, 1), "month"),  # noqa: DTZ001
    ],
)
def test_periods_are_read_as_people_write_them(text, start, kind):
    period = parse_period(text)
    assert (period.start, period.kind) == (start, kind)


@pytest.mark.parametrize("text", ["", "2021-23 Q1", "2021-22 Q5", "2021-13", "Smarch 2021", "abc"])
def test_text_that_is_not_a_period_is_refused_with_a_reason(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_quarter_one_is_april_to_june_and_quarter_four_ends_the_next_march():
    q1 = Period.quarter(2021, 1)
    q4 = Period.quarter(2021, 4)
    assert (q1.start, q1.end) == (datetime.date(2021, 4, 1), datetime.date(2021, 6, 30))
    assert (q4.start, q4.end) == (datetime.date(2022, 1, 1), datetime.date(2022, 3, 31))
    assert q4.slug == "2021-22-q4"
    assert q4.long_label == "Quarter 4 2021-22 (January to March 2022)"
    assert parse_quarter_slug("2021-22-q3") == Period.quarter(2021, 3)
    assert Period.quarter(2021, 1).previous() == Period.quarter(2020, 4)


@pytest.mark.parametrize(
    ("direction", "value", "comparison", "expected"),
    [
        ("reduce", 90, 100, "better"),
        ("reduce", 110, 100, "worse"),
        ("increase", 110, 100, "better"),
        ("increase", 90, 100, "worse"),
        ("improve", 80, 75, "better"),
        ("improve", 70, 75, "worse"),
        ("monitor", 110, 100, "monitored"),
        ("monitor", 90, 100, "monitored"),
        ("reduce", 100, 100, "same"),
        ("increase", 100, 100, "same"),
        ("reduce", 100, None, "no_comparison"),
    ],
)
def test_a_change_is_good_or_bad_according_to_the_measure_direction(
    direction, value, comparison, expected
):
    result = assess(
        direction=direction,
        value=Decimal(value),
        comparison=None if comparison is None else Decimal(comparison),
    )
    assert result.key == expected
    assert result.is_good == {"better": True, "worse": False}.get(expected)


def test_changes_are_described_in_words_and_percentages():
    assert change(Decimal(90), Decimal(100)).describe("crimes") == "Down 10 (10%)"
    assert change(Decimal(55.5), Decimal(50)).describe("%") == "Up 5.5 percentage points"
    assert change(Decimal(3), Decimal(0)).describe() == "Up 3"
    assert format_number(Decimal("24100.0000")) == "24,100"
    assert format_number(Decimal("54.2000"), "%") == "54.2%"
