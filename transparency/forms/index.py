"""Forms for the Specified Information index: its items, the documents published for them and
the HMICFRS reports they answer."""

from django import forms
from django.utils import timezone

from pcc_portal.forms import StaffModelForm, form_helper, govuk_fields, too_large

from .. import sources
from ..documents import kind_of, kinds
from ..models import InspectionReport, ItemDocument, SpecifiedItem
from .base import MAX_UPLOAD, _NamedErrors


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
        formfield_callback = govuk_fields
        labels = {
            "file": "Document (PDF, spreadsheet or CSV)",
            "period_from": "The period it covers: from",
            "period_to": "The period it covers: to",
        }
        help_texts = {
            "file": f"A {kinds()} file of up to {MAX_UPLOAD // (1024 * 1024)} MB. A PDF is "
            "published without its scripts and embedded files; a CSV file is published with any "
            "cell a spreadsheet would run marked as text; a spreadsheet or document must have no "
            "macros.",
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
            raise forms.ValidationError(too_large(file, MAX_UPLOAD))
        if kind_of(file.name) is None:
            raise forms.ValidationError(f"The file must be a {kinds()} file.")
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
        formfield_callback = govuk_fields

    def __init__(self, *args, action=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.helper = form_helper(*self.Meta.fields, submit="Record the report", action=action)

    def clean_published_on(self):
        day = self.cleaned_data["published_on"]
        if day > self.today:
            raise forms.ValidationError("The day HMICFRS published it cannot be in the future.")
        return day
