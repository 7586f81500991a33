"""Forms for the transparency hub: staff edit index items, upload documents and spending files,
and keep the registers and the forward plan; the public subscribe to alerts."""

from datetime import date

from django import forms
from django.utils import timezone

from pcc_portal.financial_year import financial_year_label, financial_year_of
from pcc_portal.forms import (
    GovUKFormMixin,
    StaffModelForm,
    date_fields,
    form_helper,
    required_message,
)

from . import sources
from .models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    InspectionReport,
    Interest,
    ItemDocument,
    SmallContract,
    SpecifiedItem,
    SpendingUpload,
    Topic,
)

MAX_UPLOAD = 20 * 1024 * 1024


class _NamedErrors(GovUKFormMixin):
    """GOV.UK error messages, naming a field by its label without what its brackets add: an
    empty "Amount (£)" says "Enter the amount"."""

    def _name_errors(self):
        default_required = str(forms.Field.default_error_messages["required"])
        for field in self.fields.values():
            label = str(field.label or "")
            if " (" in label and str(field.error_messages.get("required")) == default_required:
                field.error_messages["required"] = required_message(field, label.split(" (")[0])
        super()._name_errors()


class SpecifiedItemForm(_NamedErrors, StaffModelForm):
    portal_source = forms.ChoiceField(
        label="Where the portal publishes it",
        choices=sources.choices,
        required=False,
        help_text="Leave as “None” for an item staff upload.",
    )

    class Meta:
        model = SpecifiedItem
        fields = [
            "title",
            "reference",
            "description",
            "paragraph",
            "order",
            "portal_source",
            "cadence",
            "responsible_name",
            "responsible_email",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.portal_source
        if current and current not in sources.SOURCES:
            # A source another part of the portal has not built yet: keep it, say so.
            self.fields["portal_source"].choices = [
                *sources.choices(),
                (current, f"{current} (not published by the portal yet)"),
            ]

    def save(self, commit=True):
        item = super().save(commit=False)
        item.source = (
            SpecifiedItem.Source.PORTAL if item.portal_source else SpecifiedItem.Source.UPLOAD
        )
        if commit:
            item.save()
        return item


class ItemDocumentForm(_NamedErrors, forms.ModelForm):
    """A document for an index item, with the period it covers: its freshness follows from
    that period. The day it is published is the day it is uploaded, never typed."""

    # How far ahead a period may start: a budget for the coming year is published before it.
    FURTHEST_AHEAD = 366

    class Meta:
        model = ItemDocument
        fields = ["title", "file", "period_from", "period_to", "inspection"]
        formfield_callback = date_fields
        labels = {
            "file": "Document (PDF, spreadsheet or CSV)",
            "period_from": "The period it covers: from",
            "period_to": "The period it covers: to",
        }
        help_texts = {
            "period_from": "The first day of the period it covers (for a document “as at” a "
            "day, that day). A document covering 2020 is as old as 2020, whenever it is "
            "uploaded.",
            "period_to": "The last day of the period it covers (for a document “as at” a "
            "day, that day).",
        }

    def __init__(self, *args, action=None, item=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["period_from"].required = True
        self.fields["period_to"].required = True
        self.fields["period_from"].error_messages["required"] = (
            "Enter the first day of the period the document covers."
        )
        self.fields["period_to"].error_messages["required"] = (
            "Enter the last day of the period the document covers."
        )
        fields = ["title", "file", "period_from", "period_to"]
        if item is not None and item.code in ("peel-report", "hmicfrs-responses"):
            self.fields["inspection"].label = "The HMICFRS report it is, or answers"
            self.fields["inspection"].empty_label = "Choose the report"
            self.fields["inspection"].required = True
            self.fields["inspection"].error_messages["required"] = (
                "Choose the HMICFRS report; record the report first if it is not listed."
            )
            if item.code == "peel-report":
                self.fields["inspection"].queryset = InspectionReport.objects.filter(
                    kind=InspectionReport.Kind.PEEL
                )
            fields.append("inspection")
        else:
            del self.fields["inspection"]
        self.helper = form_helper(*fields, submit="Publish document", action=action)
        self.helper.form_enctype = "multipart/form-data"

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD:
            raise forms.ValidationError("The file must be smaller than 20 MB.")
        allowed = (".pdf", ".csv", ".xlsx", ".ods", ".odt", ".docx", ".json")
        if not file.name.lower().endswith(allowed):
            raise forms.ValidationError(
                "The file must be a PDF, CSV, XLSX, ODS, ODT, DOCX or JSON file."
            )
        return file

    def clean(self):
        data = super().clean()
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and end < start:
            self.add_error("period_to", "The period must end on or after the day it starts.")
        if start and (start - self.today).days > self.FURTHEST_AHEAD:
            self.add_error(
                "period_from", "The period must start within a year from today, or before."
            )
        return data


class InspectionReportForm(_NamedErrors, forms.ModelForm):
    # On the same page as the document form: its fields' names and ids stay apart.
    prefix = "inspection"

    class Meta:
        model = InspectionReport
        fields = ["title", "kind", "published_on", "url"]
        formfield_callback = date_fields

    def __init__(self, *args, action=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.helper = form_helper(*self.Meta.fields, submit="Record the report", action=action)

    def clean_published_on(self):
        day = self.cleaned_data["published_on"]
        if day > self.today:
            raise forms.ValidationError("The day HMICFRS published it cannot be in the future.")
        return day


class _EntryForm(_NamedErrors, StaffModelForm):
    """A register entry: its dates typed as day, month and year (``Meta.formfield_callback =
    date_fields`` in each form's ``Meta``), its sums of money in pounds."""

    submit_label = "Save draft"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField):
                field.widget.attrs.update(inputmode="decimal", spellcheck="false")
                what = str(field.label).split(" (")[0].lower()
                field.error_messages["invalid"] = f"Enter the {what} in pounds, like 9500"


# The first Commissioners took office in November 2012: an OPCC's registers start in 2012-13,
# and an import of its history must be able to say so.
FIRST_FINANCIAL_YEAR = 2012


class FinancialYearField(forms.TypedChoiceField):
    """A financial year, by the year it starts: any since the office began, newest first."""

    def __init__(self, **kwargs):
        this_year = financial_year_of(date.today())  # noqa: DTZ011 (a calendar date)
        years = range(this_year + 1, FIRST_FINANCIAL_YEAR - 1, -1)
        super().__init__(
            coerce=int,
            choices=[("", "Choose the financial year")]
            + [(y, financial_year_label(y)) for y in years],
            **kwargs,
        )


class _PeriodEntryForm(_EntryForm):
    """A register kept by financial year: an entry, or a nil return for the person and year
    that says there was nothing to declare. The fields a nil return leaves empty are required
    of an entry, each with its own message."""

    REQUIRED_UNLESS_NIL = {}  # field: message
    DATE_FIELD = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["financial_year"] = FinancialYearField(
            label="Financial year",
            help_text=self._meta.model._meta.get_field("financial_year").help_text,
            initial=self.instance.financial_year if self.instance.pk else None,
        )

    def clean(self):
        data = super().clean()
        if not data.get("is_nil_return"):
            for name, message in self.REQUIRED_UNLESS_NIL.items():
                if name not in self.errors and data.get(name) in (None, ""):
                    self.add_error(name, message)
        day, year = data.get(self.DATE_FIELD), data.get("financial_year")
        if day and year and not data.get("is_nil_return") and financial_year_of(day) != year:
            self.add_error(
                self.DATE_FIELD,
                f"The date {day:%-d %B %Y} is not in {financial_year_label(year)}: correct "
                "the date or the financial year.",
            )
        return data


class InterestForm(_PeriodEntryForm):
    REQUIRED_UNLESS_NIL = {
        "category": "Choose the category of the interest, or tick “Nil return”.",
        "description": "Describe the interest, or tick “Nil return”.",
    }

    class Meta:
        model = Interest
        fields = [
            "holder",
            "office",
            "financial_year",
            "is_nil_return",
            "category",
            "description",
            "registered_on",
            "ended_on",
            "is_sample",
        ]
        formfield_callback = date_fields
        labels = {
            "holder": "Office holder",
            "registered_on": "Date registered",
            "ended_on": "Date it ended",
        }
        help_texts = {"ended_on": "Leave empty if the interest has not ended."}

    def clean(self):
        data = super().clean()
        start, end = data.get("registered_on"), data.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", "The end date must be on or after the date registered.")
        if data.get("is_nil_return"):
            data["category"], data["description"], data["ended_on"] = "", "", None
        return data


class GiftHospitalityForm(_PeriodEntryForm):
    DATE_FIELD = "offered_on"
    REQUIRED_UNLESS_NIL = {
        "offered_on": "Enter the date it was offered, or tick “Nil return”.",
        "donor": "Enter who offered it, or tick “Nil return”.",
        "kind": "Choose gift or hospitality, or tick “Nil return”.",
        "description": "Describe what was offered, or tick “Nil return”.",
        "estimated_value": "Enter the estimated value, or tick “Nil return”.",
        "outcome": "Choose accepted or declined, or tick “Nil return”.",
    }

    class Meta:
        model = GiftHospitality
        fields = [
            "recipient",
            "recipient_role",
            "financial_year",
            "is_nil_return",
            "offered_on",
            "donor",
            "kind",
            "description",
            "estimated_value",
            "outcome",
            "is_sample",
        ]
        formfield_callback = date_fields
        labels = {"offered_on": "Date offered", "estimated_value": "Estimated value (£)"}

    def clean_estimated_value(self):
        value = self.cleaned_data["estimated_value"]
        if value is not None and value < 0:
            raise forms.ValidationError("The estimated value cannot be negative.")
        return value

    def clean(self):
        data = super().clean()
        if data.get("is_nil_return"):
            for name in ("offered_on", "estimated_value"):
                data[name] = None
            for name in ("donor", "kind", "description", "outcome"):
                data[name] = ""
        return data


class GrantForm(_EntryForm):
    class Meta:
        model = Grant
        fields = [
            "recipient",
            "fund",
            "amount",
            "purpose",
            "crime_reduction_reasons",
            "conditions",
            "awarded_on",
            "priority",
            "is_sample",
        ]
        formfield_callback = date_fields
        labels = {"awarded_on": "Date awarded", "amount": "Amount (£)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crime_reduction_reasons"].required = True
        self.fields["crime_reduction_reasons"].error_messages["required"] = (
            "Say why the grant is expected to reduce crime and disorder: the Order asks for it."
        )
        self.fields["priority"].queryset = self.fields["priority"].queryset.select_related("plan")
        self.fields["priority"].label_from_instance = lambda p: f"{p.plan}: {p}"

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError("The amount must be more than £0.")
        return amount


class ContractForm(_EntryForm):
    """A contract over £10,000 with copies of the contract and of the invitation to tender, each
    PDF cleaned on upload as decision attachments are; a redacted copy says why."""

    class Meta:
        model = Contract
        fields = [
            "reference",
            "title",
            "supplier",
            "value",
            "starts_on",
            "ends_on",
            "procurement",
            "priority",
            "contract_copy",
            "contract_copy_redacted_because",
            "tender_copy",
            "tender_copy_redacted_because",
            "is_sample",
        ]
        formfield_callback = date_fields
        labels = {
            "starts_on": "Start date",
            "ends_on": "End date",
            "value": "Value (£)",
            "contract_copy": "Copy of the contract (PDF)",
            "tender_copy": "Copy of the invitation to tender (PDF)",
        }
        help_texts = {
            "contract_copy": "Published with the entry when it is released. Upload a redacted "
            "copy if parts must be withheld, and say why below.",
            "contract_copy_redacted_because": "Leave empty if the copy is not redacted.",
            "tender_copy": "If the contract was tendered.",
            "tender_copy_redacted_because": "Leave empty if the copy is not redacted.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_enctype = "multipart/form-data"
        self.fields["priority"].queryset = self.fields["priority"].queryset.select_related("plan")
        self.fields["priority"].label_from_instance = lambda p: f"{p.plan}: {p}"
        self.checked = {}

    def _clean_copy(self, name):
        from decisions.attachments import UnsafeAttachment, check_pdf
        from decisions.models import validate_pdf

        upload = self.cleaned_data.get(name)
        if not upload or not hasattr(upload, "content_type"):  # unchanged, or cleared
            return upload
        validate_pdf(upload)
        try:
            self.checked[name] = check_pdf(upload)
        except UnsafeAttachment as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def clean_contract_copy(self):
        return self._clean_copy("contract_copy")

    def clean_tender_copy(self):
        return self._clean_copy("tender_copy")

    def save(self, commit=True):
        """Keep only the cleaned copy of each uploaded PDF, with whether it is tagged."""
        from django.core.files.base import ContentFile

        entry = super().save(commit=False)
        for name, checked in self.checked.items():
            setattr(entry, name, ContentFile(checked.content, name="copy.pdf"))
            setattr(entry, f"{name}_tagged", checked.tagged)
        for name in ("contract_copy", "tender_copy"):
            if not getattr(entry, name):
                setattr(entry, f"{name}_tagged", None)
        if commit:
            entry.save()
        return entry

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value <= 10000:
            raise forms.ValidationError(
                "This register lists contracts over £10,000; this one is not."
            )
        return value

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "The end date must be on or after the start date.")
        return data


class ForwardPlanEntryForm(_EntryForm):
    class Meta:
        model = ForwardPlanEntry
        fields = [
            "title",
            "summary",
            "expected_on",
            "decision_maker",
            "priority",
            "restriction_reason",
            "decision",
            "is_sample",
        ]
        formfield_callback = date_fields
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        labels = {"decision": "The decision it became (once signed)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decisions = self.fields["decision"].queryset
        self.fields["decision"].queryset = decisions.signed().order_by("-decision_date")
        self.fields["priority"].queryset = self.fields["priority"].queryset.select_related("plan")
        self.fields["priority"].label_from_instance = lambda p: f"{p.plan}: {p}"


class SmallContractForm(_EntryForm):
    class Meta:
        model = SmallContract
        fields = ["reference", "parties", "purpose", "value", "agreed_on", "is_sample"]
        formfield_callback = date_fields
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}
        labels = {"value": "Value (£)"}

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value <= 0:
            raise forms.ValidationError("The value must be more than £0.")
        if value > 10000:
            raise forms.ValidationError(
                "This list is of contracts of £10,000 or less: add this one to the register "
                "of contracts over £10,000."
            )
        return value


ENTRY_FORMS = {
    "interests": InterestForm,
    "gifts-and-hospitality": GiftHospitalityForm,
    "grants": GrantForm,
    "contracts": ContractForm,
    "small-contracts": SmallContractForm,
    "forward-plan": ForwardPlanEntryForm,
}


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
    file = forms.FileField(
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

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD:
            raise forms.ValidationError("The file must be smaller than 20 MB.")
        if not file.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV (.csv) or Excel (.xlsx) file.")
        return file


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


class SubscribeForm(_NamedErrors, forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We send a link to this address to confirm; nothing is sent until you do.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    topic = forms.ChoiceField(
        label="What do you want to hear about?",
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you want to hear about"},
    )
    priority = forms.ModelChoiceField(
        label="Plan priority",
        queryset=None,
        required=False,
        help_text="If you chose a plan priority: which one.",
    )

    def __init__(self, *args, priorities, **kwargs):
        """``priorities``: the public priorities, as their plans published them (a list)."""
        from plans.models import Priority

        super().__init__(*args, **kwargs)
        published = {priority.pk: priority for priority in priorities}
        field = self.fields["priority"]
        field.queryset = Priority.objects.filter(pk__in=published).order_by(
            "-plan__term_start", "number"
        )
        # Labelled as published: a draft rename of the priority stays private.
        field.label_from_instance = lambda p: f"{published[p.pk].plan}: {published[p.pk]}"
        self.helper = form_helper("email", "topic", "priority", submit="Subscribe")

    def clean(self):
        data = super().clean()
        if data.get("topic") == Topic.PRIORITY and not data.get("priority"):
            self.add_error("priority", "Choose the plan priority you want to follow.")
        if data.get("topic") != Topic.PRIORITY:
            data["priority"] = None
        return data
