"""Forms for the register entries staff keep one by one, the forward plan's included, by
register."""

from django import forms
from django.utils import timezone

from pcc_portal.financial_year import financial_year_label, financial_year_of
from pcc_portal.forms import StaffModelForm, govuk_fields
from pcc_portal.publications.pdf_safety import InvalidPDF, make_safe, read_upload

from ..models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    Interest,
    SmallContract,
)
from .base import MAX_UPLOAD, _NamedErrors


class _EntryForm(_NamedErrors, StaffModelForm):
    """A register entry: its dates typed as day, month and year (``Meta.formfield_callback =
    govuk_fields`` in each form's ``Meta``), its sums of money in pounds."""

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
        this_year = financial_year_of(timezone.localdate())
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
        formfield_callback = govuk_fields
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
        formfield_callback = govuk_fields
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
        formfield_callback = govuk_fields
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
        formfield_callback = govuk_fields
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
        upload = self.cleaned_data.get(name)
        if not upload or not hasattr(upload, "content_type"):  # unchanged, or cleared
            return upload
        try:
            self.checked[name] = make_safe(read_upload(upload, limit=MAX_UPLOAD))
        except InvalidPDF as error:
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
        formfield_callback = govuk_fields
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
        formfield_callback = govuk_fields
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
