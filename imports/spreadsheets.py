"""Reading a spreadsheet of historic decisions (CSV or .xlsx) and the ZIP of their notices.

``check_decisions`` finds every problem, each with its row number as a person sees it in their
spreadsheet (the header is row 1): a missing or malformed reference, one already in the portal
or repeated in the file, a date outside the reference's financial year, an unknown decision
maker or priority, a notice PDF missing from the ZIP or not a PDF. Nothing here writes to the
database; the table is read by the portal's one table reader, ``pcc_portal.tables``.
"""

import io
import re
import zipfile
from dataclasses import asdict, dataclass

from decisions.models import Decision, PriorityScope
from pcc_portal.accounts.models import Office
from pcc_portal.financial_year import financial_year_label, financial_year_of
from pcc_portal.publications.pdf_safety import InvalidPDF, inspect_pdf
from pcc_portal.tables import (
    YES,
    RowError,
    UnreadableTable,
    cell_day,
    cell_text,
    cell_yes_no,
    named_cells,
    read_headed_table,
    start_check,
)
from plans.models import Priority

REQUIRED_COLUMNS = ["reference", "title", "decision date", "decision maker"]
OPTIONAL_COLUMNS = ["priority", "summary", "restricted", "notice"]
ALIASES = {
    "ref": "reference",
    "decision number": "reference",
    "date": "decision date",
    "decision_date": "decision date",
    "date of decision": "decision date",
    "decision_maker": "decision maker",
    "decided by": "decision maker",
    "plan priority": "priority",
    "executive summary": "summary",
    "notice pdf": "notice",
    "pdf": "notice",
    "file": "notice",
}
MAX_TABLE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
MAX_ZIP_BYTES = 200 * 1024 * 1024
MAX_PDF_BYTES = 15 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
RESTRICTED_YES = YES | {"restricted"}
REFERENCE = re.compile(r"(\d{1,3})\s*/\s*(\d{4})")
SCOPES = {
    "all": PriorityScope.ALL,
    "all priorities": PriorityScope.ALL,
    "governance": PriorityScope.GOVERNANCE,
}


class UnreadableUpload(ValueError):
    """The spreadsheet or the ZIP cannot be read at all; ``field`` says which."""

    def __init__(self, message, field="table"):
        super().__init__(message)
        self.field = field


@dataclass
class DecisionRow:
    row: int
    financial_year: int
    number: int
    title: str
    decision_date: str  # ISO, so the checked rows can be stored as JSON
    office_id: int
    scope: str
    priority_ids: list
    summary: str
    restricted: bool
    notice: str

    @property
    def reference(self):
        return f"{self.number:02d}/{self.financial_year}"

    def as_dict(self):
        return asdict(self)


def read_rows(data, name):
    """(header in lower case, [(row number, cells)]) of a CSV or .xlsx file."""
    try:
        return read_headed_table(data, name, max_bytes=MAX_TABLE_BYTES, max_rows=MAX_ROWS)
    except UnreadableTable as error:
        raise UnreadableUpload(str(error)) from error


class ZipContents(dict):
    """{file name in lower case: its bytes, or None when it is larger than ``max_file_bytes``};
    each name as the ZIP spells it is in ``names``."""

    def __init__(self, max_file_bytes=MAX_PDF_BYTES):
        super().__init__()
        self.names = {}
        self.max_file_bytes = max_file_bytes

    def too_large(self, name):
        """What a row is told of a file it names that the ZIP holds too large to read."""
        return f"{name} is larger than {self.max_file_bytes // (1024 * 1024)} MB."

    def unnamed(self, named):
        """An error of the upload (row 0, "ZIP") for each file no row names (not in
        ``named``, a set of lower-case names)."""
        unnamed = sorted(self.names.get(key, key) for key in self if key not in named)
        return [
            RowError(
                0,
                "ZIP",
                f"{name} is in the ZIP but no row names it: name it in its row, or take it "
                "out of the ZIP.",
            )
            for name in unnamed
        ]


def _unsafe_name(name):
    """Whether a member's name points outside the ZIP's own folder (an absolute path, a drive,
    or a step up): such a ZIP was made to write where it should not, and is refused whole."""
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or any(part == ".." for part in parts)
        or "\x00" in name
    )


def read_zip(data, field="notices", label="notices file", *, max_file_bytes=MAX_PDF_BYTES):
    """The PDFs in a ZIP as a ``ZipContents`` (folders ignored; names without their path), read
    into memory and never written to disk under a member's name; a member larger than
    ``max_file_bytes`` is not read. Refused whole, naming ``field``: a file that is not a ZIP,
    too many members or too much once unpacked (a ZIP bomb), a name pointing outside the ZIP,
    two files of the same name, an encrypted member."""
    files = ZipContents(max_file_bytes)
    if not data:
        return files
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) > MAX_ZIP_MEMBERS:
                raise UnreadableUpload(
                    f"The ZIP holds more than {MAX_ZIP_MEMBERS:,} files: split it.", field
                )
            if sum(m.file_size for m in members) > MAX_ZIP_BYTES:
                raise UnreadableUpload("The ZIP is too large once unpacked: split it.", field)
            for member in members:
                if _unsafe_name(member.filename):
                    raise UnreadableUpload(
                        f"The ZIP holds a file named “{member.filename[:200]}”, which points "
                        "outside the ZIP's folder: nothing was read. Make the ZIP again from "
                        "the folder of PDFs.",
                        field,
                    )
                base = member.filename.replace("\\", "/").rsplit("/", 1)[-1]
                if not base or base.startswith("."):
                    continue  # a folder's hidden files (.DS_Store, __MACOSX/._x.pdf)
                if base.lower() in files:
                    raise UnreadableUpload(
                        f"The ZIP holds two files named {base}: give each file its own name.",
                        field,
                    )
                if member.flag_bits & 0x1:
                    raise UnreadableUpload(
                        f"{base} is encrypted in the ZIP: make the ZIP without a password.", field
                    )
                files.names[base.lower()] = base
                if max(member.file_size, member.compress_size) > max_file_bytes:
                    files[base.lower()] = None  # named as too large when a row uses it
                    continue
                # Read no more than the member says it holds (zipfile stops there, and a
                # member that unpacks to more fails its checksum).
                with archive.open(member) as handle:
                    content = handle.read(max_file_bytes + 1)
                files[base.lower()] = content if len(content) <= max_file_bytes else None
            return files
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        NotImplementedError,
    ) as error:
        raise UnreadableUpload(
            f"The {label} is not a ZIP archive that can be read.", field
        ) from error


def _offices():
    found = {}
    for office in Office.objects.filter(kind__in=Office.DECISION_MAKING):
        found[office.title.lower()] = office
        found.setdefault(office.get_kind_display().lower(), office)
    shorthands = (
        ("pcc", Office.Kind.COMMISSIONER),
        ("commissioner", Office.Kind.COMMISSIONER),
        ("deputy", Office.Kind.DEPUTY),
        ("dpcc", Office.Kind.DEPUTY),
    )
    for short, kind in shorthands:
        office = Office.objects.filter(kind=kind).first()
        if office is not None:
            found.setdefault(short, office)
    return found


def _priorities():
    found = {}
    # The newest plan's priority of a title wins: later plans come last and replace earlier.
    for priority in Priority.objects.select_related("plan").order_by("plan__pk", "number"):
        found[priority.title.strip().lower()] = priority
    return found


def check_decisions(header, body, *, notices):
    """Check every row; ``notices`` is ``read_zip``'s ``ZipContents``."""
    result, position = start_check(
        header, body, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS, aliases=ALIASES
    )
    if position is None:
        return result
    offices, priorities = _offices(), _priorities()
    taken = set(Decision.objects.exclude(number=None).values_list("financial_year", "number"))
    seen = {}
    named = set()
    for number, cell in named_cells(position, body):
        errors = []
        reference = cell_text(cell("reference"))
        match = REFERENCE.fullmatch(reference)
        year = ref_number = None
        if not reference:
            errors.append(RowError(number, "reference", "The reference is missing."))
        elif not match or int(match[1]) < 1:
            errors.append(
                RowError(number, "reference", f"“{reference}” is not a reference like 28/2021.")
            )
        else:
            ref_number, year = int(match[1]), int(match[2])
            label = f"{ref_number:02d}/{year}"
            if (year, ref_number) in taken:
                errors.append(RowError(number, "reference", f"{label} is already in the portal."))
            elif (year, ref_number) in seen:
                errors.append(
                    RowError(
                        number, "reference", f"{label} is already in row {seen[year, ref_number]}."
                    )
                )
            else:
                seen[year, ref_number] = number
        title = " ".join(cell_text(cell("title")).split())
        if not title:
            errors.append(RowError(number, "title", "The title is missing."))
        elif len(title) > 200:
            errors.append(RowError(number, "title", "The title is longer than 200 characters."))
        day = cell_day(cell("decision date"))
        if day is None:
            text = cell_text(cell("decision date"))
            errors.append(
                RowError(
                    number,
                    "decision date",
                    f"“{text}” is not a date like 15/12/2021." if text else "The date is missing.",
                )
            )
        elif year is not None and financial_year_of(day) != year:
            errors.append(
                RowError(
                    number,
                    "decision date",
                    f"{day:%-d %B %Y} is in the financial year "
                    f"{financial_year_label(financial_year_of(day))}, not "
                    f"{financial_year_label(year)} as the reference says.",
                )
            )
        maker = cell_text(cell("decision maker"))
        office = offices.get(maker.lower())
        if office is None:
            known = ", ".join(sorted({o.title for o in offices.values()})) or "none set up yet"
            errors.append(
                RowError(
                    number,
                    "decision maker",
                    f"“{maker}” is not an office that makes decisions ({known})."
                    if maker
                    else "The decision maker is missing.",
                )
            )
        priority_text = cell_text(cell("priority"))
        scope, priority_ids = PriorityScope.PLAN, []
        for part in [p.strip() for p in priority_text.split(";") if p.strip()]:
            if part.lower() in SCOPES:
                scope = SCOPES[part.lower()]
            elif part.lower() in priorities:
                priority_ids.append(priorities[part.lower()].pk)
            else:
                errors.append(
                    RowError(
                        number,
                        "priority",
                        f"“{part}” is not a plan priority's title, “All priorities” or "
                        "“Governance”.",
                    )
                )
        restricted = cell_yes_no(cell("restricted"), yes=RESTRICTED_YES)
        if restricted is None:
            text = cell_text(cell("restricted"))
            errors.append(RowError(number, "restricted", f"“{text}” is not yes or no."))
        notice = cell_text(cell("notice"))
        if notice:
            named.add(notice.rsplit("/", 1)[-1].lower())
        if notice and not restricted:
            content = notices.get(notice.rsplit("/", 1)[-1].lower(), "absent")
            if content == "absent":
                errors.append(RowError(number, "notice", f"{notice} is not in the ZIP."))
            elif content is None:
                errors.append(RowError(number, "notice", notices.too_large(notice)))
            else:
                try:
                    inspect_pdf(content)
                except InvalidPDF as error:
                    errors.append(RowError(number, "notice", f"{notice}: {error}"))
        elif not notice and not restricted:
            errors.append(
                RowError(
                    number,
                    "notice",
                    "Name the signed notice's PDF in the ZIP (restricted "
                    "decisions need none: their notices are never published).",
                )
            )
        summary = cell_text(cell("summary"))
        if errors:
            result.add(errors)
        else:
            result.rows.append(
                DecisionRow(
                    row=number,
                    financial_year=year,
                    number=ref_number,
                    title=title,
                    decision_date=day.isoformat(),
                    office_id=office.pk,
                    scope=scope,
                    priority_ids=priority_ids,
                    summary=summary,
                    restricted=restricted,
                    notice="" if restricted else notice.rsplit("/", 1)[-1],
                )
            )
    if unnamed := notices.unnamed(named):
        result.add(unnamed)
    return result
