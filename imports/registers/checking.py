"""The check of every row of a spreadsheet of a register's entries and of the PDFs its ZIP holds,
by the register's own staff form, and how a row is known to be in the register already."""

import datetime
import hashlib
import json
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from pcc_portal.financial_year import (
    financial_year_from_label,
    financial_year_label,
    financial_year_of,
)
from pcc_portal.tables import (
    RowError,
    cell_day,
    cell_number,
    cell_text,
    cell_yes_no,
    named_cells,
    start_check,
)
from plans.models import Priority

from ..models import ImportedRecord, ImportRun
from .columns import _file_fields, _year_from_date, columns_of, form_class, model_of, public_columns


@dataclass
class EntryRow:
    row: int
    data: dict  # what the form is given, as text
    label: str  # the entry as staff lists name it
    shown: list  # each public column as the register will show it
    fingerprint: str
    action: str  # "create", or "unchanged" for a row already in the register
    detail: str = ""
    # Each PDF the row names: {"field", "column", "name", "pages", "tagged", "removed"}.
    files: list = dataclass_field(default_factory=list)

    def as_dict(self):
        return asdict(self)


def _priorities():
    found = {}
    # The newest plan's priority of a title wins: later plans come last and replace earlier.
    for priority in Priority.objects.select_related("plan").order_by("plan__pk", "number"):
        found[priority.title.strip().lower()] = priority
        found[str(priority).strip().lower()] = priority
    return found


def _money(value):
    text = cell_text(value)
    if not text:
        return "", None
    amount = cell_number(value)
    if amount is None:
        return None, f"“{text}” is not an amount like 1,250.00."
    return str(amount), None


def _value(column, raw, priorities):
    """(what the form is given, or None with a problem)."""
    if column.kind == "date":
        if not cell_text(raw):
            return "", None
        day = cell_day(raw)
        if day is None:
            return None, f"“{cell_text(raw)}” is not a date like 15/12/2021."
        return day.isoformat(), None
    if column.kind == "money":
        return _money(raw)
    text = cell_text(raw)
    if column.kind == "choice":
        if not text:
            return "", None
        if (year := financial_year_from_label(text)) is not None:
            text = financial_year_label(year)  # as the registers list it, 2021/22
        for value, label in column.choices:
            if text.lower() in (value.lower(), label.lower()):
                return value, None
        allowed = ", ".join(label for _value, label in column.choices)
        return None, f"“{text}” is not one of: {allowed}."
    if column.kind == "priority":
        if not text:
            return "", None
        priority = priorities.get(text.lower())
        if priority is None:
            return None, f"“{text}” is not a plan priority's title."
        return str(priority.pk), None
    if column.kind == "yes-no":
        answer = cell_yes_no(raw)
        if answer is None:
            return None, f"“{text}” is not yes or no."
        return ("on" if answer else ""), None
    return text, None


def _stored(value):
    if isinstance(value, datetime.date | Decimal):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    return value


def _fields(entry):
    """The entry's fields as the register keeps them (what its release would freeze)."""
    return {
        field.attname: getattr(entry, field.attname)
        for field in entry._meta.concrete_fields
        if field.attname not in entry.NOT_RELEASED
    }


def fingerprint(register, entry, copies=None):
    """The entry's fields, a file by the SHA-256 of its content (``copies``: {field: digest})."""
    fields = {name: _stored(value) for name, value in _fields(entry).items()}
    for name in _file_fields(type(entry)) & set(fields):
        fields[name] = (copies or {}).get(name, "") if not name.endswith("_tagged") else None
    payload = json.dumps({"register": register, "fields": fields}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def source_id(register, digest):
    return f"{register}:{digest}"


def build_form(register, data, files=None):
    return form_class(register)(data=data, files=files or {})


ABSENT = object()


def _base_name(text):
    return text.replace("\\", "/").rsplit("/", 1)[-1].strip()


def uploads(named, zip_files):
    """{field: the PDF as an upload} of the files a row names ({field: name in the ZIP})."""
    return {
        name: SimpleUploadedFile(
            zip_files.names.get(file.lower(), file), zip_files[file.lower()], "application/pdf"
        )
        for name, file in named.items()
    }


def _named_file(column, raw, zip_files):
    """(the file's name in the ZIP, or "" for none; a problem, or None)."""
    text = cell_text(raw)
    if not text:
        return "", None
    base = _base_name(text)
    content = zip_files.get(base.lower(), ABSENT)
    if content is ABSENT:
        return None, f"{text} is not in the ZIP."
    if content is None:
        return None, zip_files.too_large(text)
    return base, None


def check_entries(register, header, body, *, files=None):
    """Check every row of a spreadsheet of ``register``'s entries; ``files`` is
    ``spreadsheets.read_zip``'s reading of the ZIP of the PDFs the rows name. Every file named
    must be in the ZIP and pass the form's checks, and every file in the ZIP must be named."""
    from ..spreadsheets import ZipContents

    zip_files = files if files is not None else ZipContents()
    named_anywhere = set()
    columns = columns_of(register)
    result, position = start_check(
        header,
        body,
        required=[c.key for c in columns if c.required],
        optional=[c.key for c in columns if not c.required],
        aliases={alias: column.key for column in columns for alias in column.aliases},
        labels={column.key: column.heading for column in columns},
    )
    if position is None:
        return result
    by_field = {column.field: column for column in columns}
    model = model_of(register)
    priorities = _priorities() if any(c.kind == "priority" for c in columns) else {}
    imported = _imported(register)
    seen = {}
    for number, cell in named_cells(position, body):
        errors, data, named = [], {}, {}
        for column in columns:
            raw = cell(column.key)
            if column.kind == "file":
                if cell_text(raw):
                    named_anywhere.add(_base_name(cell_text(raw)).lower())
                name, problem = _named_file(column, raw, zip_files)
                if problem:
                    errors.append(RowError(number, column.heading, problem))
                elif name:
                    named[column.field] = name
                continue
            value, problem = _value(column, raw, priorities)
            if problem:
                errors.append(RowError(number, column.heading, problem))
            else:
                data[column.field] = value
        year_field, date_field = _year_from_date(register)
        if year_field and not data.get(year_field) and data.get(date_field):
            day = datetime.date.fromisoformat(data[date_field])
            data[year_field] = str(financial_year_of(day))
        form = build_form(register, data, uploads(named, zip_files))
        if not form.is_valid():
            for name, messages in form.errors.items():
                column = by_field.get(name)
                if column is not None:
                    heading = column.heading
                elif name in form.fields:
                    heading = str(form.fields[name].label or name)
                else:
                    heading = ""  # the row as a whole
                if column is not None and any(e.column == column.heading for e in errors):
                    continue  # already said why this column could not be read
                for message in messages:
                    if message == "This field is required.":
                        message = f"The {heading.lower()} is missing."
                    if name in named:
                        message = f"{named[name]}: {message}"
                    errors.append(RowError(number, heading, message))
        if errors:
            result.add(errors)
            continue
        entry = form.instance
        copies = {
            name: hashlib.sha256(zip_files[file.lower()]).hexdigest()
            for name, file in named.items()
        }
        digest = fingerprint(register, entry, copies)
        if digest in seen:
            result.add([RowError(number, "", f"This row repeats row {seen[digest]}.")])
            continue
        seen[digest] = number
        action, detail = "create", ""
        if digest in imported:
            action, detail = "unchanged", f"already imported on {imported[digest]:%-d %B %Y}"
        elif model.objects.filter(**_matching(entry)).exists():
            action, detail = "unchanged", "already in the register"
        checked = getattr(form, "checked", {})
        by_name = {column.field: column.heading for column in columns}
        result.rows.append(
            EntryRow(
                row=number,
                data=data,
                label=str(entry)[:200],
                shown=[str(column.show(entry)) for column in public_columns(register)],
                fingerprint=digest,
                action=action,
                detail=detail,
                files=[
                    {
                        "field": name,
                        "column": by_name[name],
                        "name": file,
                        "pages": checked[name].page_count if name in checked else None,
                        "tagged": checked[name].tagged if name in checked else None,
                        "removed": list(checked[name].removed) if name in checked else [],
                    }
                    for name, file in named.items()
                ],
            )
        )
    if unnamed := zip_files.unnamed(named_anywhere):
        result.add(unnamed)
    return result


def _matching(entry):
    """What an entry typed in by hand must share with a row to be that row's entry: its
    fields, its files aside (a copy uploaded by hand is stored under another name)."""
    files = _file_fields(type(entry))
    return {name: value for name, value in _fields(entry).items() if name not in files}


def _imported(register):
    """{fingerprint: the day it was imported} of the rows imported before whose entries still
    exist (an entry deleted since may be imported again)."""
    model = model_of(register)
    records = ImportedRecord.objects.filter(
        source=ImportRun.Source.SPREADSHEET, source_id__startswith=f"{register}:"
    ).only("source_id", "object_id", "imported_at")
    records = list(records)
    existing = set(
        model.objects.filter(pk__in=[r.object_id for r in records]).values_list("pk", flat=True)
    )
    return {
        r.source_id.split(":", 1)[1]: r.imported_at.date()
        for r in records
        if r.object_id in existing
    }
