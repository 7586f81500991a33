"""Form pieces every staff form shares, in the GOV.UK Design System's patterns: the layout
(``form_helper``), the date input (day, month and year in three boxes) and error messages that
name the field they are about."""

import datetime
import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size, Submit
from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.forms.utils import pretty_name
from django.template.defaultfilters import filesizeformat


def form_helper(*fields, submit="Save", action="", label_size=Size.SMALL):
    """A form's crispy-forms layout, the one way every staff form builds it: ``fields`` in order
    (names, or crispy-forms-gds layout objects such as ``Fieldset``), labelled at ``label_size``,
    then one button saying ``submit``, posted to ``action`` (empty: the page's own address).

    The server checks every field and explains problems the GOV.UK way (an error summary, the
    message beside the field), so the browser's own checks are turned off (``novalidate``)."""
    helper = FormHelper()
    helper.form_action = action
    helper.label_size = label_size
    helper.attrs = {"novalidate": ""}
    helper.layout = Layout(*fields, Submit("save", submit))
    return helper


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_PARTS = ("day", "month", "year")


class _OneValue(list):
    """A date posted in one value that is not ``YYYY-MM-DD``: never guessed at."""


class GovUKDateInput(DateInputWidget):
    """Three text boxes, day, month and year (``govuk-date-input``), posted as ``<name>_0``,
    ``<name>_1`` and ``<name>_2``.

    A client that posts the date in one value as ``YYYY-MM-DD`` (an import script, an older
    page still open in a browser) is understood too; anything else in one value is treated as
    typed into the day box, so it is reported rather than guessed at."""

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs)
        for widget, autocomplete in zip(self.widgets, ("off", "off", "off"), strict=True):
            widget.attrs.update(inputmode="numeric", autocomplete=autocomplete)

    def decompress(self, value):
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def _posted_as_one(self, data, name):
        return name in data and not any(f"{name}_{index}" in data for index in range(3))

    def value_from_datadict(self, data, files, name):
        if self._posted_as_one(data, name):
            value = (data.get(name) or "").strip()
            if _ISO_DATE.match(value):
                year, month, day = value.split("-")
                return [day, month, year]
            return _OneValue([value, "", ""])
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


class GovUKDateField(forms.MultiValueField):
    """A date asked for as the GOV.UK date input asks for it, with its error messages: "Date
    must include a month", "Date must be a real date", "Year must include 4 numbers".

    The boxes at fault are marked (the template pack reads each box's ``errors``), and what was
    typed is shown again as it was typed."""

    widget = GovUKDateInput

    def __init__(self, *, widget=None, **kwargs):
        if widget is not None and not isinstance(widget, forms.MultiWidget):
            # A ModelForm passes on the single box its Meta named: the three boxes replace it.
            widget = None
        # The model field's own limits (max_length and so on) do not apply to the three boxes.
        for unused in ("max_length", "min_length", "empty_value", "input_formats"):
            kwargs.pop(unused, None)
        parts = tuple(forms.CharField(required=False, label=part.title()) for part in _PARTS)
        super().__init__(
            fields=parts, require_all_fields=False, widget=widget or self.widget, **kwargs
        )

    @property
    def _name(self):
        return str(self.label or "Date")

    @property
    def _not_real(self):
        """A form's own message for a date that is not one (its ``invalid``), else GOV.UK's."""
        message = self.error_messages.get("invalid")
        if message and str(message) != str(forms.MultiValueField.default_error_messages["invalid"]):
            return message
        return f"{self._name} must be a real date"

    def _mark(self, indexes, message):
        for index in indexes:
            self.fields[index].widget.errors.append(message)
        return ValidationError(message, code="invalid")

    def clean(self, value):
        for part in self.fields:
            part.widget.errors = []
        if not isinstance(value, (list, tuple)):
            value = self.widget.decompress(value)
        if isinstance(value, _OneValue) and value[0].strip():
            raise self._mark([0, 1, 2], self._not_real)
        values = [str(v).strip() if v is not None else "" for v in list(value)[:3]]
        values += [""] * (3 - len(values))
        if not any(values):
            if self.required:
                message = self.error_messages["required"]
                if str(message) == str(forms.Field.default_error_messages["required"]):
                    message = f"Enter {_field_name(self._name)}"
                raise ValidationError(message, code="required")
            return None
        missing = [index for index, v in enumerate(values) if not v]
        if missing:
            names = [_PARTS[index] for index in missing]
            said = names[0] if len(names) == 1 else f"{names[0]} and {names[1]}"
            raise self._mark(missing, f"{self._name} must include a {said}")
        day, month, year = values
        month_number = _MONTHS.get(month.lower()) or (int(month) if month.isdigit() else None)
        if not year.isdigit() or len(year) != 4:
            if day.isdigit() and month_number:
                raise self._mark([2], "Year must include 4 numbers")
            raise self._mark([0, 1, 2], self._not_real)
        try:
            if not day.isdigit() or month_number is None:
                raise ValueError(value)
            result = datetime.date(int(year), month_number, int(day))
        except ValueError:
            raise self._mark([0, 1, 2], self._not_real) from None
        self.validate(result)
        self.run_validators(result)
        return result

    def validate(self, value):
        """The boxes were checked in ``clean``; ``MultiValueField`` has nothing to add."""

    def compress(self, data_list):
        raise NotImplementedError("GovUKDateField.clean builds the date itself")


def govuk_fields(db_field, **kwargs):
    """``Meta.formfield_callback`` for ModelForms: the model's dates are asked for with the
    GOV.UK date input, a link typed without its scheme is read as https (as Django 6 will read
    it), everything else as Django would."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs["form_class"] = GovUKDateField
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


def _field_name(label):
    """ "Title" -> "the title"; a label starting with an abbreviation keeps its capitals."""
    label = str(label).strip().rstrip(":")
    if len(label) > 1 and label[1].isupper():
        return label
    return "the " + label[:1].lower() + label[1:]


def required_message(field, label):
    """The GOV.UK error message for an empty required field: it names the field and says what
    to do ("Enter the title", "Choose the decision maker")."""
    label = str(label)
    if label.endswith("?"):
        return f"Answer \u201c{label}\u201d"
    if isinstance(field, forms.FileField):
        return f"Choose {_field_name(label)} to upload"
    if isinstance(field, forms.BooleanField):
        return f"Tick \u201c{label}\u201d to go on"
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
        return f"Choose {_field_name(label)}"
    return f"Enter {_field_name(label)}"


class GovUKFormMixin:
    """Error messages in the GOV.UK style: a required field left empty says "Enter the title",
    not "This field is required.", and too long an answer says how long it may be.

    Messages a form sets itself are kept. They are named just before the form is cleaned, so
    labels a form sets in its own ``__init__`` are the ones used."""

    def _name_errors(self):
        default_required = str(forms.Field.default_error_messages["required"])
        for name, field in self.fields.items():
            label = field.label or pretty_name(name)
            if str(field.error_messages.get("required", "")) == default_required:
                field.error_messages["required"] = required_message(field, label)
            if isinstance(field, GovUKDateField) and field.label is None:
                field.label = label
            # The validators are shared with the form class's fields: replace, never change, them.
            field.validators = [
                MaxLengthValidator(
                    validator.limit_value,
                    message=f"{str(label).rstrip('?:')} must be %(limit_value)d characters or "
                    "fewer (it has %(show_value)d)",
                )
                if type(validator) is MaxLengthValidator and "message" not in vars(validator)
                else validator
                for validator in field.validators
            ]

    def full_clean(self):
        self._name_errors()
        super().full_clean()


class StaffModelForm(GovUKFormMixin, forms.ModelForm):
    """A staff form for a model, laid out the usual way: its ``Meta.fields`` in order, then one
    button saying ``submit_label``. A form laid out otherwise sets its own ``helper``."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(*self._meta.fields, submit=self.submit_label)


def too_large(upload, limit):
    """What a person is told of an upload larger than ``limit`` bytes, whatever its kind."""
    return (
        f"The file is {filesizeformat(upload.size)}; the largest allowed is "
        f"{filesizeformat(limit)}."
    )


class SpreadsheetField(forms.FileField):
    """A spreadsheet staff upload for the portal to read (``pcc_portal.tables``): a .csv or
    .xlsx file of at most ``max_bytes``. The file chooser offers only those kinds, and another
    kind or a larger file is refused beside the field before anything reads it."""

    KINDS = (".csv", ".xlsx")

    def __init__(self, *, max_bytes, **kwargs):
        self.max_bytes = max_bytes
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(self.KINDS)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        if not value.name.lower().endswith(self.KINDS):
            raise ValidationError(
                "The file must be a spreadsheet saved as .csv or .xlsx.", code="kind"
            )
        if value.size > self.max_bytes:
            raise ValidationError(too_large(value, self.max_bytes), code="size")
