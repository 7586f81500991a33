"""Forms for spending over £500: the month's file and the review of its rows' redactions."""

from datetime import date

from django import forms

from pcc_portal.forms import SpreadsheetField, form_helper

from .. import spending
from ..models import SpendingUpload
from .base import _NamedErrors


class MonthInput(forms.MultiWidget):
    """The GOV.UK date input without its day: a month box and a year box, posted as
    ``<name>_0`` and ``<name>_1``. A client that posts the month in one value as ``YYYY-MM``
    (what the earlier month box sent) is understood too."""

    template_name = "gds/widgets/date.html"

    def __init__(self, attrs=None):
        boxes = [
            forms.TextInput(
                attrs={
                    "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
                    "label": label,
                    "inputmode": "numeric",
                    "autocomplete": "off",
                }
            )
            for label, width in (("Month", 2), ("Year", 4))
        ]
        super().__init__(boxes, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.month, value.year]
        return [None, None]

    def value_from_datadict(self, data, files, name):
        if name in data and not any(f"{name}_{index}" in data for index in range(2)):
            year, _, month = (data.get(name) or "").strip().partition("-")
            return [month, year]
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


class MonthField(forms.MultiValueField):
    """A month, asked for as the GOV.UK date input asks for a month and year, with its
    messages; the box at fault is marked and what was typed is shown again. Cleans to the
    first day of the month."""

    widget = MonthInput

    def __init__(self, *, name="The month", **kwargs):
        self.name = name
        parts = (
            forms.CharField(required=False, label="Month"),
            forms.CharField(required=False, label="Year"),
        )
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    def _mark(self, indexes, message):
        for index in indexes:
            self.fields[index].widget.errors.append(message)
        return forms.ValidationError(message, code="invalid")

    def clean(self, value):
        for part in self.fields:
            part.widget.errors = []
        if not isinstance(value, (list, tuple)):
            value = self.widget.decompress(value)
        month, year = ([str(v).strip() if v is not None else "" for v in value] + ["", ""])[:2]
        if not month and not year:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        if not month:
            raise self._mark([0], f"{self.name} must include a month")
        if not year:
            raise self._mark([1], f"{self.name} must include a year")
        if not year.isdigit() or len(year) != 4:
            raise self._mark([1], "Year must include 4 numbers")
        if not month.isdigit() or not 1 <= int(month) <= 12:
            raise self._mark([0], f"{self.name} must be a real month, from 1 to 12")
        return date(int(year), int(month), 1)

    def validate(self, value):
        """The boxes were checked in ``clean``."""

    def compress(self, data_list):
        raise NotImplementedError("MonthField.clean builds the date itself")


class SpendingUploadForm(_NamedErrors, forms.Form):
    source = forms.ChoiceField(
        label="Whose spending is it?",
        choices=SpendingUpload.Source.choices,
        initial=SpendingUpload.Source.COMMISSIONER,
        required=False,  # the Commissioner's own, unless chosen
        widget=forms.RadioSelect,
        help_text="The Order asks for the Chief Constable's spending over £500 as well as the "
        "Commissioner's: each is published as its own file for the month, marked.",
    )
    month = MonthField(
        label="Month the payments were made in",
        help_text="For example 10 2025 for October 2025. A month already published is replaced "
        "when the new file is released.",
    )
    file = SpreadsheetField(
        max_bytes=spending.MAX_BYTES,  # what the reader reads, refused before it reads
        label="Spending file (CSV or XLSX)",
        help_text="Columns: Date, Transaction number, Supplier, Supplier type (optional), "
        "Expense type, Service area (optional), Amount, Purpose (optional), Value for money "
        "(optional: why the payment is value for money), Plan priority (optional: the "
        "priority's number in the plan in force on the date). Every row must be right: the "
        "file is taken whole or not at all.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper("source", "month", "file", submit="Upload for review")
        self.helper.form_enctype = "multipart/form-data"

    def clean_source(self):
        return self.cleaned_data.get("source") or SpendingUpload.Source.COMMISSIONER


class SpendingReviewForm(_NamedErrors, forms.Form):
    """The redaction choices for the rows of a draft upload shown on one page of its preview: a
    ticked row's payee is withheld. Flagged rows start ticked; publishing a name the rule flagged
    needs a reason, kept with the row."""

    redact = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "A row ticked is not on this page any more: choose again below."
        },
    )
    reason = forms.CharField(
        label="Why may the flagged names you have not ticked be published?",
        help_text="Only needed when a flagged row is not ticked: for example, “a company "
        "trading under its owner's name”.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, payments, **kwargs):
        super().__init__(*args, **kwargs)
        self.payments = list(payments)
        self.fields["redact"].choices = [(p.pk, f"Row {p.row_number}") for p in self.payments]
        if not self.is_bound:
            reasons = dict.fromkeys(
                p.name_published_because for p in self.payments if p.name_published_because
            )
            self.initial = {
                "redact": [p.pk for p in self.payments if p.is_redacted],
                "reason": "; ".join(reasons),
            }

    def ticked(self):
        """The rows ticked: as posted when the form is shown again with errors, else as stored."""
        return {int(value) for value in self["redact"].value() or [] if str(value).isdecimal()}

    def clean(self):
        cleaned = super().clean()
        if "redact" not in cleaned:
            return cleaned
        named = [p for p in self.payments if p.is_flagged and p.pk not in cleaned["redact"]]
        if named and not cleaned.get("reason", "").strip():
            rows = ("rows " if len(named) > 1 else "row ") + ", ".join(
                str(p.row_number) for p in named
            )
            self.add_error(
                "reason",
                f"Say why the names the rule flagged may be published ({rows}), or tick the "
                "rows to redact them.",
            )
        return cleaned
