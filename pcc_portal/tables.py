"""Tables in and out of the portal: every CSV it serves, written so a spreadsheet shows each cell
and never runs one, and every spreadsheet staff upload (CSV or .xlsx), read within limits."""

import csv
import math
from decimal import Decimal

from django.http import StreamingHttpResponse

# Writing -------------------------------------------------------------------------------------

# A spreadsheet takes a cell that starts with one of these as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """``value`` as a CSV cell. Text that starts like a formula gets a leading apostrophe, which
    spreadsheets read as "this is text"; numbers stay numbers, so -3.5 is still minus 3.5."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value.is_finite():
        return format(value, "f")
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file whose ``write`` hands the line back, so csv.writer can feed a streamed response."""

    def write(self, value):
        return value


def csv_lines(rows):
    """The lines of a CSV file of ``rows`` (lists of cells, the heading first)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
    for row in rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])


def csv_response(rows, *, filename):
    """A CSV download of ``rows``, streamed, every cell made safe by ``spreadsheet_cell``."""
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
