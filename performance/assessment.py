"""Whether a change in a measure is good or bad news, given which way the plan wants it to go,
and how figures are written for people to read."""

from dataclasses import dataclass
from decimal import Decimal

INCREASE = "increase"
REDUCE = "reduce"
MONITOR = "monitor"
IMPROVE = "improve"


@dataclass(frozen=True)
class Assessment:
    key: str  # better, worse, same, monitored, no_comparison
    label: str
    tag_class: str  # a GOV.UK tag modifier

    @property
    def is_good(self):
        return {"better": True, "worse": False}.get(self.key)


BETTER = Assessment("better", "Better", "govuk-tag--green")
WORSE = Assessment("worse", "Worse", "govuk-tag--red")
SAME = Assessment("same", "No change", "govuk-tag--grey")
MONITORED = Assessment("monitored", "Monitored", "govuk-tag--blue")
NO_COMPARISON = Assessment("no_comparison", "No comparison", "govuk-tag--grey")


def assess(*, direction, value, comparison):
    """Good or bad given the measure's direction. "Improve" measures are written so that a
    higher figure is the improvement (satisfaction, confidence, positive outcomes); "monitor"
    measures are watched, not judged."""
    if value is None or comparison is None:
        return NO_COMPARISON
    if direction == MONITOR:
        return MONITORED
    if value == comparison:
        return SAME
    went_up = value > comparison
    wants_up = direction in (INCREASE, IMPROVE)
    return BETTER if went_up == wants_up else WORSE


@dataclass(frozen=True)
class Change:
    difference: Decimal
    percent: Decimal | None

    def describe(self, unit=""):
        if self.difference == 0:
            return "No change"
        word = "Up" if self.difference > 0 else "Down"
        amount = format_number(abs(self.difference), unit)
        if unit == "%":
            return f"{word} {amount[:-1]} percentage points"
        if self.percent is None:
            return f"{word} {amount}"
        return f"{word} {amount} ({format_number(abs(self.percent))}%)"


def change(value, comparison):
    if value is None or comparison is None:
        return None
    difference = value - comparison
    percent = None if comparison == 0 else (difference / abs(comparison) * 100)
    return Change(difference, percent.quantize(Decimal("0.1")) if percent is not None else None)


def format_number(value, unit=""):
    """24100 -> "24,100"; 54.2 with unit % -> "54.2%"; at most two decimal places."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        text = f"{int(value):,}"
    else:
        text = f"{value.quantize(Decimal('0.01')):,}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else text
