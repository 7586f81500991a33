"""Tables in and out of the portal: every CSV it serves, written so a spreadsheet shows each cell
and never runs one, and every spreadsheet staff upload (CSV or .xlsx), read within limits."""

import csv
import io
import math
import xml.parsers.expat
import zipfile
import zlib
from decimal import Decimal

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


def _csv_records(data):
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
    reader = csv.reader(io.StringIO(text, newline=""))
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
