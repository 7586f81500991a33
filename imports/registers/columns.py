"""A register's columns as staff see them (its staff form's fields, headed as the public register
heads them), described for the upload page, and its template to fill in."""

import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import FieldDoesNotExist

from plans.models import Priority
from transparency.forms import ENTRY_FORMS
from transparency.selectors import ALL_REGISTERS, SAMPLE

# Spending has its own monthly upload, with its review of payments to individuals.
IMPORTABLE = {
    slug: ALL_REGISTERS[slug].title
    for slug in ["gifts-and-hospitality", "interests", "grants", "contracts", "forward-plan"]
}
# Sample entries are demonstration data, and the decision a forward plan entry became is
# linked by hand once it is signed.
LEFT_OUT = {"is_sample", "decision"}
EXAMPLES = {
    "date": "15/12/2021",
    "money": "1,250.00",
    "yes-no": "yes or no",
}


@dataclass(frozen=True)
class ImportColumn:
    heading: str  # as the register shows it, and as the template names it
    field: str
    required: bool
    kind: str  # date, money, choice, priority, yes-no, file (a PDF's name in the ZIP) or text
    choices: tuple = ()  # (value, label) of a choice
    aliases: tuple = ()  # other names staff may give it, in lower case

    @property
    def key(self):
        return self.heading.lower()

    def describe(self):
        """What to write in the column, for the upload page."""
        if self.kind == "choice":
            return "One of: " + ", ".join(label for _value, label in self.choices) + "."
        if self.kind == "priority":
            return "A plan priority's title, as the register shows it (for example “1. …”)."
        if self.kind == "file":
            return (
                "The name of its PDF in the ZIP you upload with the spreadsheet (for example "
                "contract-044.pdf). Leave empty if there is none."
            )
        if self.kind in EXAMPLES:
            return f"For example {EXAMPLES[self.kind]}."
        return "Text."


def form_class(register):
    return ENTRY_FORMS[register]


def model_of(register):
    return form_class(register)._meta.model


def public_columns(register):
    return tuple(column for column in ALL_REGISTERS[register].columns if column is not SAMPLE)


def _kind(model, name, field):
    """How a column's cells are read, from the model's field where there is one (a staff form
    may show a date as three boxes), else from the form's."""
    from django.db import models

    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    if isinstance(model_field, models.ForeignKey):
        return "priority" if model_field.related_model is Priority else None
    if isinstance(model_field, models.FileField):
        return "file"
    if isinstance(model_field, models.ManyToManyField):
        return None
    if isinstance(model_field, models.DateField) or isinstance(field, forms.DateField):
        return "date"
    if isinstance(model_field, models.DecimalField) or isinstance(field, forms.DecimalField):
        return "money"
    if isinstance(model_field, models.BooleanField) or isinstance(field, forms.BooleanField):
        return "yes-no"
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return "choice"
    if isinstance(field, forms.ModelChoiceField | forms.FileField | forms.MultiValueField):
        return None
    return "text"


def _year_from_date(register):
    """(the financial year's field, the date's field) of a register whose form files each entry
    under the financial year of its date: a row may leave the year out, and it is the year of
    the date. ("", "") for the others."""
    date_field = getattr(form_class(register), "DATE_FIELD", "")
    fields = {field.name for field in model_of(register)._meta.fields}
    if date_field and "financial_year" in fields:
        return "financial_year", date_field
    return "", ""


def columns_of(register):
    """The register's columns, in its form's order."""
    headings = {column.key: column.heading for column in public_columns(register)}
    form = form_class(register)()
    model = model_of(register)
    columns = []
    for name, field in form.fields.items():
        kind = _kind(model, name, field)
        if name in LEFT_OUT or kind is None:
            continue
        label = str(field.label or name).split(" (")[0]
        heading = headings.get(name) or label
        try:
            verbose = str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            verbose = label
        aliases = {name.lower(), name.replace("_", " ").lower(), label.lower(), verbose.lower()}
        choices = ()
        if kind == "choice":
            choices = tuple((str(value), str(text)) for value, text in field.choices if value)
        required = field.required and name != _year_from_date(register)[0]
        columns.append(ImportColumn(heading, name, required, kind, choices, tuple(sorted(aliases))))
    taken = {column.key for column in columns}
    return [
        ImportColumn(
            c.heading,
            c.field,
            c.required,
            c.kind,
            c.choices,
            tuple(a for a in c.aliases if a == c.key or a not in taken),
        )
        for c in columns
    ]


def keeps_files(register):
    """Whether the register's entries have files (PDFs), imported from a ZIP."""
    return any(column.kind == "file" for column in columns_of(register))


def _file_fields(model):
    """The attnames of the model's files and of what the form records about each (whether it
    is tagged): they are matched by content, not by the name storage gave them."""
    from django.db import models

    names = set()
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField):
            names |= {field.attname, f"{field.attname}_tagged"}
    return names


def template_csv_rows(register):
    yield [column.heading for column in columns_of(register)]


def template_xlsx(register):
    """An empty workbook whose first row names the columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = IMPORTABLE[register][:31]
    sheet.append([column.heading for column in columns_of(register)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(columns_of(register), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 24
        if column.kind == "date":
            for row in range(2, 502):
                sheet.cell(row=row, column=index).number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
