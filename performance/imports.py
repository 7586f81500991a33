"""Reading a spreadsheet of figures (CSV or .xlsx) and checking every row.

``read_rows`` turns the file into header and rows; ``check_rows`` finds every problem (wrong
columns, unknown measure, bad number, a figure the measure cannot have, bad period, duplicate
period) with its row number as a person sees it in their spreadsheet, the header being row 1.
Nothing here writes to the database.
"""

from dataclasses import dataclass
from decimal import Decimal

from pcc_portal.tables import (
    RowError,
    UnreadableTable,
    cell_number,
    named_cells,
    read_headed_table,
    start_check,
)
from pcc_portal.tables import cell_text as _cell_text

from .checks import range_problem
from .periods import PeriodError, parse_period

REQUIRED_COLUMNS = ["measure", "period", "value"]
OPTIONAL_COLUMNS = ["comparison", "target", "source", "note"]
ALIASES = {
    "measure id": "measure",
    "measure_id": "measure",
    "comparison value": "comparison",
    "comparison_value": "comparison",
    "same period last year": "comparison",
}
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000  # the heading included
LIMITS = {"source": 200, "note": 500}


# The upload is not a CSV or .xlsx file we can read, or is too big to read.
UnreadableFile = UnreadableTable


@dataclass
class CheckedRow:
    row: int
    measure_id: int
    period: object
    value: Decimal
    comparison: Decimal | None
    target: Decimal | None
    source: str
    note: str


def read_rows(upload, name):
    """(header, [(row_number, cells)]) from a CSV or .xlsx file; the header in lower case."""
    return read_headed_table(upload, name, max_bytes=MAX_BYTES, max_rows=MAX_ROWS)


def _number(value, column, row, errors, *, required=False):
    text = _cell_text(value)
    if not text:
        if required:
            errors.append(RowError(row, column, f"The {column} is missing."))
        return None
    # A rate is written with its per cent sign, an amount with its pound sign: both are read.
    number = cell_number(text.replace("%", "") if isinstance(value, str) else value)
    if number is None:
        errors.append(RowError(row, column, f"“{text}” is not a number."))
        return None
    if abs(number) >= Decimal("1e12"):
        errors.append(RowError(row, column, f"“{text}” is not a number we can store."))
        return None
    return number


def check_rows(header, body, *, measures):
    """Check every row against ``measures`` (the plan's numeric measures, by id).

    A measure is named by its number (as in the template download) or its exact wording.
    """
    result, position = start_check(
        header, body, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS, aliases=ALIASES
    )
    if position is None:
        return result
    by_wording = {measure.wording.strip().lower(): measure for measure in measures.values()}
    seen = {}
    for number, cell in named_cells(position, body):
        errors = []
        measure_text = _cell_text(cell("measure"))
        measure = None
        if not measure_text:
            errors.append(RowError(number, "measure", "The measure is missing."))
        elif measure_text.isdigit() and int(measure_text) in measures:
            measure = measures[int(measure_text)]
        elif measure_text.lower() in by_wording:
            measure = by_wording[measure_text.lower()]
        else:
            errors.append(
                RowError(
                    number,
                    "measure",
                    f"“{measure_text}” is not a numeric measure of this plan: use the measure "
                    "number from the template.",
                )
            )
        period = None
        try:
            period = parse_period(cell("period"))
        except PeriodError as error:
            errors.append(RowError(number, "period", str(error)))
        value = _number(cell("value"), "value", number, errors, required=True)
        comparison = _number(cell("comparison"), "comparison", number, errors)
        target = _number(cell("target"), "target", number, errors)
        if measure is not None:
            for name, figure in (("value", value), ("comparison", comparison), ("target", target)):
                if problem := range_problem(measure, figure, name=name):
                    errors.append(RowError(number, name, problem))
        texts = {}
        for name, limit in LIMITS.items():
            texts[name] = _cell_text(cell(name))
            if len(texts[name]) > limit:
                errors.append(
                    RowError(number, name, f"The {name} is longer than {limit} characters.")
                )
        if measure is not None and period is not None:
            key = (measure.pk, period.kind, period.start)
            if key in seen:
                errors.append(
                    RowError(
                        number,
                        "period",
                        f"{period.label} for measure {measure.pk} is already in row {seen[key]}.",
                    )
                )
            else:
                seen[key] = number
        if errors:
            result.add(errors)
        else:
            result.rows.append(
                CheckedRow(
                    number,
                    measure.pk,
                    period,
                    value,
                    comparison,
                    target,
                    texts["source"],
                    texts["note"],
                )
            )
    return result
