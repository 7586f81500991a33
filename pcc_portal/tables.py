"""Tables in and out of the portal: every CSV it serves, written so a spreadsheet shows each cell
and never runs one, and every spreadsheet staff upload (CSV or .xlsx), read within limits, its
columns matched and its problems reported by row, the same way for every import."""

import csv
import datetime
import io
import math
import re
import xml.parsers.expat
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial

from django.http import StreamingHttpResponse
from django.template.defaultfilters import filesizeformat
from openpyxl.utils.exceptions import InvalidFileException

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


# Reading -------------------------------------------------------------------------------------

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
# An .xlsx file is a zip archive: a few megabytes of it can unpack to gigabytes of XML.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024

NOT_A_WORKBOOK = (
    "The file is not a valid Excel workbook (.xlsx): it may be damaged or in another format. "
    "Save it again from your spreadsheet program, or as a CSV file."
)
# What a damaged or hostile workbook makes openpyxl, zipfile or an XML parser raise
# (ParseError and lxml's XMLSyntaxError are SyntaxErrors).
_WORKBOOK_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    SyntaxError,
    InvalidFileException,
)


class UnreadableTable(ValueError):
    """The upload is not a CSV or .xlsx file that can be read, or is too big to read."""


def cell_text(value):
    """A cell as text: empty for nothing, whole numbers without ".0" (spreadsheets store them
    as floats)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def cell_number(value):
    """The number a cell holds, as a Decimal; None when it holds no finite number. A
    spreadsheet's own number, or text as people write an amount: "1250", "£1,250.00", "-3.5"."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        text = str(value)
    else:
        text = cell_text(value).replace("£", "").replace(",", "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


# A yes or a no as people and exports write one.
YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0"})


def cell_yes_no(value, *, yes=YES):
    """True for a cell that says yes (one of ``yes``), False for one that says no or is blank,
    None for anything else. A workbook's own TRUE and FALSE are read too."""
    text = cell_text(value).lower()
    if text in yes:
        return True
    return False if not text or text in NO else None


# How people and the systems an OPCC exports from write a day: UK order first, then ISO; a time
# after the day (as Modern.gov writes a meeting's) is read past.
DAY_FORMATS = (
    "%d/%m/%Y",
    "%d/%m/%y",
    "%Y-%m-%d",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
)
TIME_AFTER_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def cell_day(value):
    """The day a cell holds, or None when it holds none: a spreadsheet's own date, or text as
    ``DAY_FORMATS`` write it ("15/12/2021", "15/12/21", "2021-12-15", "15 December 2021",
    "15/12/2021 10:00:00", "2021-12-15T10:00:00")."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = TIME_AFTER_DAY.sub("", cell_text(value))
    for pattern in DAY_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a day)
        except ValueError:
            continue
    return None


def read_table(source, name, *, max_bytes=MAX_BYTES, max_rows=MAX_ROWS):
    """The rows of a CSV file, or of the first sheet of an .xlsx workbook, that are not blank:
    [(row number as the spreadsheet shows it, [cells])], at most ``max_rows`` of them, the
    heading included. A CSV's cells are text, a workbook's the values it stores. ``source`` is
    the file's bytes or a file to read them from.

    Raises ``UnreadableTable``, saying what is wrong, when the file is too big, empty, of another
    kind, holds binary data, or is a workbook that is damaged or declares a DTD.
    """
    data = source if isinstance(source, bytes) else source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableTable(
            f"The file is larger than {filesizeformat(max_bytes)}: split it into smaller files."
        )
    lower = name.lower()
    if lower.endswith(".xlsx"):
        rows = _workbook_rows(data, max_rows)
    elif lower.endswith((".csv", ".txt")):
        rows = _numbered(_csv_records(data), max_rows)
    else:
        raise UnreadableTable("Upload a .csv or .xlsx file.")
    if not rows:
        raise UnreadableTable("The file is empty.")
    return rows


def read_headed_table(source, name, *, max_bytes=MAX_BYTES, max_rows=MAX_ROWS):
    """``read_table``'s rows split into the heading, as lower-case text, and the rows below it:
    (header, [(row number, cells)])."""
    (_, header), *body = read_table(source, name, max_bytes=max_bytes, max_rows=max_rows)
    return [cell_text(cell).lower() for cell in header], body


def _numbered(records, max_rows):
    rows = []
    for number, cells in enumerate(records, start=1):
        if any(cell_text(cell) for cell in cells):
            if len(rows) == max_rows:
                raise UnreadableTable(
                    f"The file has more than {max_rows:,} rows: split it into smaller files."
                )
            rows.append((number, list(cells)))
    return rows


def csv_text(data):
    """A CSV file's bytes as text: UTF-8 (with or without a byte order mark), else Windows'
    code page 1252, as Excel saves it. Raises ``UnreadableTable`` for other characters, and for
    binary data."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableTable("The CSV file's characters could not be read: save it as UTF-8.")
    if "\x00" in text:  # and PostgreSQL cannot store text that holds a NUL byte
        raise UnreadableTable("This is not a CSV file: it contains binary data.")
    return text


# A number with a sign, as a spreadsheet reads it: -1234.50 is a figure, not a formula.
_SIGNED_NUMBER = re.compile(r"[+-](\d+(\.\d*)?|\.\d+)")


def safe_csv(data):
    """A CSV file's bytes (as ``csv_text`` reads them) written again by ``csv_lines``, as UTF-8:
    a cell a spreadsheet would run is marked as text, and a signed number stays a number. Raises
    ``UnreadableTable`` for a file that cannot be read."""
    rows = (
        [Decimal(cell) if _SIGNED_NUMBER.fullmatch(cell) else cell for cell in record]
        for record in _csv_records(data)
    )
    return "".join(csv_lines(rows)).encode("utf-8")


def _csv_records(data):
    reader = csv.reader(io.StringIO(csv_text(data), newline=""))
    try:
        yield from reader
    except csv.Error as error:
        raise UnreadableTable(f"The CSV file is malformed: {error}.") from error


def _workbook_rows(data, max_rows):
    from openpyxl import load_workbook

    try:
        _check_archive(data)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            # Cells are read lazily: a damaged sheet raises only here.
            return _numbered(workbook.worksheets[0].iter_rows(values_only=True), max_rows)
        finally:
            workbook.close()
    except _WORKBOOK_ERRORS as error:
        raise UnreadableTable(NOT_A_WORKBOOK) from error


def _check_archive(data):
    """Refuse a workbook that would unpack too large, or whose XML declares a DTD: Excel never
    writes one, and a DTD is how entity tricks (external files, "billion laughs") get in,
    whichever XML parser openpyxl uses."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
            raise UnreadableTable(
                "The workbook is too large once unpacked: split it into smaller files."
            )
        for member in members:
            if member.filename.lower().endswith((".xml", ".rels", ".vml")):
                with archive.open(member) as stream:
                    if _declares_a_dtd(stream):
                        raise UnreadableTable(NOT_A_WORKBOOK)


class _Prolog(Exception):
    def __init__(self, *, dtd):
        self.dtd = dtd


def _declares_a_dtd(stream):
    """Whether the XML in ``stream`` has a DOCTYPE, in any encoding. Reads only as far as the
    root element, where a DTD would have to come before."""

    def doctype(*args):
        raise _Prolog(dtd=True)

    def root(*args):
        raise _Prolog(dtd=False)

    parser = xml.parsers.expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        while chunk := stream.read(64 * 1024):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Prolog as prolog:
        return prolog.dtd
    except xml.parsers.expat.ExpatError:
        return False  # not XML at all: openpyxl says the workbook is damaged, if it reads it
    return False


# Checking -----------------------------------------------------------------------------------

# The rows whose problems are kept and listed: past a few hundred, the person fixing the file
# learns nothing new, and a file of a million bad rows must not become a million stored errors.
MAX_ERROR_ROWS = 200


@dataclass
class RowError:
    row: int  # the spreadsheet row number, the header being row 1; 0 for the file as a whole
    column: str
    message: str

    def as_dict(self):
        return asdict(self)


# Why an upload that was checked cannot be applied, by the state it is in: the same words for
# every import (its model's Status names the states alike).
NOT_APPLICABLE = {
    "invalid": "This import has problems: none of it can be applied.",
    "applied": "This import has been applied already.",
    "discarded": "This import was discarded: upload the file again.",
}


@dataclass
class CheckResult:
    """An import's checked rows, or the problems that stop it: it applies whole or not at all."""

    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # those of the first MAX_ERROR_ROWS rows only
    row_count: int = 0
    error_count: int = 0  # every problem found
    error_row_count: int = 0  # the rows that have them

    def add(self, errors):
        """Count one row's problems, and keep them if it is one of the first rows with any."""
        self.error_count += len(errors)
        self.error_row_count += 1
        if self.error_row_count <= MAX_ERROR_ROWS:
            self.errors.extend(errors)


def _counted(number, noun):
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def listed_problems(checked):
    """An import's problems as its page lists them (``includes/row_errors_summary.html`` and
    ``includes/row_errors.html``): ``checked`` is a ``CheckResult``, or what keeps one's
    ``errors`` (``RowError``s or the dicts an upload stores of them), ``error_count`` and
    ``error_row_count``. ``error_rows`` pairs each row, in order, with its problems."""
    by_row = {}
    for error in checked.errors:
        error = error.as_dict() if isinstance(error, RowError) else error
        by_row.setdefault(error["row"], []).append(error)
    error_rows = sorted(by_row.items())
    return {
        "error_rows": error_rows,
        "error_count": checked.error_count,
        "error_row_count": checked.error_row_count,
        "errors_cut_short": checked.error_row_count > len(error_rows),
        "problems": f"{_counted(checked.error_count, 'problem')} in "
        f"{_counted(checked.error_row_count, 'row')}",
    }


def match_columns(header, *, required, optional, aliases, result, labels=None):
    """Each column's place in ``header`` ({name: index}), the names read through ``aliases``;
    or None, with one error for row 1 added to ``result``, when a required column is missing
    or a column is unknown or repeated. Every importer's first check. The error names the
    columns by their ``labels`` where given (as the template heads them)."""
    labels = labels or {}

    def named(names):
        return ", ".join(labels.get(name, name) for name in names)

    columns = [aliases.get(name, name) for name in header]
    known = set(required) | set(optional)
    missing = [name for name in required if name not in columns]
    unknown = [name for name in columns if name and name not in known]
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if not (missing or unknown or repeated):
        return {name: index for index, name in enumerate(columns) if name}
    problems = []
    if missing:
        problems.append(f"missing {named(missing)}")
    if unknown:
        quoted = ", ".join(f"“{name[:50]}”" for name in unknown[:10])
        more = f" and {len(unknown) - 10:,} more" if len(unknown) > 10 else ""
        problems.append(f"unknown {quoted}{more}")
    if repeated:
        problems.append(f"repeated {named(repeated)}")
    may_add = f", and may add {named(optional)}" if optional else ""
    result.add(
        [
            RowError(
                1,
                "",
                f"The columns are wrong ({'; '.join(problems)}). The first row must name "
                f"the columns {named(required)}{may_add}.",
            )
        ]
    )
    return None


def start_check(header, body, *, required, optional, aliases, labels=None):
    """An import's check begun: a ``CheckResult`` counting ``body``'s rows, and each column's
    place in ``header`` from ``match_columns`` (None, the result saying why, when the columns
    are wrong)."""
    result = CheckResult(row_count=len(body))
    position = match_columns(
        header, required=required, optional=optional, aliases=aliases, result=result, labels=labels
    )
    return result, position


def named_cells(position, body):
    """Each row of ``body`` as (its row number, ``cell``): ``cell(name)`` is the row's cell of
    column ``name``, as ``cell_of`` reads it."""
    for number, cells in body:
        yield number, partial(cell_of, position, cells)


def cell_of(position, cells, name):
    """The cell of column ``name`` in a row (None when the row is short or has no such column)."""
    index = position.get(name)
    return cells[index] if index is not None and index < len(cells) else None
