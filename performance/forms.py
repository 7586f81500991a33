"""Staff forms for figures, commentary, imports, reports and scrutiny meetings."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from pcc_portal.forms import (
    GovUKDateField,
    GovUKFormMixin,
    SpreadsheetField,
    StaffModelForm,
    form_helper,
    govuk_fields,
)
from pcc_portal.publications.forms import PublishForm
from plans.forms import PriorityChoiceField
from plans.models import Plan

from . import checks
from .imports import MAX_BYTES
from .models import (
    DataPoint,
    MeasureCommentary,
    Paper,
    QuarterlyReport,
    ScrutinyAction,
    ScrutinyMeeting,
)
from .periods import PeriodError, parse_period


def _action_helper(*fields, submit):
    """An action's ``fields``, then the plan priorities it is about as small tick boxes."""
    priorities = Field.checkboxes("priorities", legend_size=Size.SMALL, small=True)
    return form_helper(*fields, priorities, submit=submit)


class FigureForm(GovUKFormMixin, forms.ModelForm):
    """A figure as typed. A figure the measure cannot have is refused beside its field; a value
    far from the measure's recent figures is flagged beside the value, with a box to tick to
    confirm it was checked, and the form shown again with what was typed."""

    period = forms.CharField(
        label="Period",
        help_text="A financial-year quarter such as 2021-22 Q3, or a month such as 2021-11.",
        max_length=20,
    )
    confirmed = forms.BooleanField(label="I have checked this figure", required=False)

    FIELDS = ("period", "value", "comparison_value", "target", "source", "note")

    class Meta:
        model = DataPoint
        fields = ["value", "comparison_value", "target", "source", "note"]
        labels = {
            "comparison_value": "Comparison value (optional)",
            "target": "Target (optional)",
            "source": "Source (optional)",
            "note": "Note (optional)",
        }

    def __init__(self, *args, measure, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:
            # Staff correct the figure as last entered, a pending correction included.
            kwargs["initial"] = {
                **{name: getattr(instance.entered(), name) for name in self.Meta.fields},
                **kwargs.get("initial", {}),
            }
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.flag = ""
        if self.instance.pk:
            self.fields["period"].initial = self.instance.period.label
            self.fields["period"].disabled = True
        self.fields["value"].label = f"Value ({measure.unit})"
        for name in ("value", "comparison_value", "target"):
            self.fields[name].widget.attrs.update({"inputmode": "decimal"})
        self._layout()

    def _layout(self):
        action = getattr(getattr(self, "helper", None), "form_action", "")
        fields = list(self.FIELDS)
        if self.flag:
            fields.insert(2, Field.checkbox("confirmed"))
        self.helper = form_helper(*fields, submit="Save figure", action=action)

    def clean_period(self):
        if self.instance.pk:
            return self.instance.period
        try:
            period = parse_period(self.cleaned_data["period"])
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error
        return period

    def clean(self):
        data = super().clean()
        for name, problem in checks.range_problems(self.measure, **data).items():
            if name not in self.errors:
                self.add_error(name, problem)
        period, value = data.get("period"), data.get("value")
        if period is not None and value is not None and not self.errors:
            flag = checks.flag_figure(self.measure, period, value)
            if flag:
                self.show_flag(flag, confirmed=data.get("confirmed"))
        return data

    def show_flag(self, flag, *, confirmed=False):
        """Show ``flag`` beside the value with the box to confirm it; unless ``confirmed``, the
        form is not valid until it is ticked."""
        self.flag = flag
        self._layout()
        if not confirmed:
            self.add_error(
                "value",
                f"Check this figure: {flag} If it is right, tick “I have checked this figure” "
                "and save it again.",
            )


class CommentaryForm(StaffModelForm):
    submit_label = "Add commentary"

    class Meta:
        model = MeasureCommentary
        formfield_callback = govuk_fields
        fields = ["date", "text"]
        labels = {"text": "Commentary"}
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}


class ImportUploadForm(GovUKFormMixin, forms.Form):
    plan = forms.ModelChoiceField(queryset=None, empty_label=None, label="Plan")
    file = SpreadsheetField(
        max_bytes=MAX_BYTES,
        label="Spreadsheet",
        help_text="A .csv or .xlsx file whose first row names the columns measure, period, value "
        "and, if you have them, comparison, target, source, note.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.order_by("-term_start")
        self.helper = form_helper("plan", "file", submit="Upload and check")


class ReportForm(StaffModelForm):
    submit_label = "Save draft"

    class Meta:
        model = QuarterlyReport
        formfield_callback = govuk_fields
        fields = [
            "plan",
            "financial_year",
            "quarter",
            "presented_on",
            "headlines",
            "national_statement",
        ]
        widgets = {
            "headlines": forms.Textarea(attrs={"rows": 8}),
            "national_statement": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"presented_on": "Presented to the scrutiny meeting on (optional)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.order_by("-term_start")
        self.fields["plan"].empty_label = None
        self.fields["quarter"].widget = forms.RadioSelect(
            choices=self.fields["quarter"].choices[1:]
        )

    def clean_financial_year(self):
        year = self.cleaned_data["financial_year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(
                "Enter the year the financial year starts, for example 2021 for 2021-22."
            )
        return year

    def clean(self):
        data = super().clean()
        year, quarter = data.get("financial_year"), data.get("quarter")
        others = QuarterlyReport.objects.exclude(pk=self.instance.pk)
        if year and quarter and others.filter(financial_year=year, quarter=quarter).exists():
            self.add_error("quarter", "There is already a report for this quarter: edit that one.")
        return data

    def validate_unique(self):
        # The clash is reported beside the quarter in clean(), in words staff understand.
        if "quarter" not in self.errors:
            super().validate_unique()


class ReportCommentaryForm(GovUKFormMixin, forms.Form):
    """A commentary box for each of the plan's priorities."""

    def __init__(self, *args, priorities, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.priorities = list(priorities)
        names = []
        for priority in self.priorities:
            name = f"priority_{priority.pk}"
            self.fields[name] = forms.CharField(
                label=str(priority),
                required=False,
                initial=existing.get(priority.pk, ""),
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text="Markdown. How the Constabulary performed on this priority this quarter.",
            )
            names.append(name)
        self.helper = form_helper(*names, submit="Save commentary")

    def texts(self):
        return {p: self.cleaned_data[f"priority_{p.pk}"] for p in self.priorities}


class ScrutinyMeetingForm(StaffModelForm):
    submit_label = "Save draft"

    class Meta:
        model = ScrutinyMeeting
        formfield_callback = govuk_fields
        fields = ["date", "attendees", "topics", "report", "note"]
        widgets = {
            "attendees": forms.Textarea(attrs={"rows": 5}),
            "topics": forms.Textarea(attrs={"rows": 5}),
            "note": forms.Textarea(attrs={"rows": 12}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = QuarterlyReport.objects.order_by(
            "-financial_year", "-quarter"
        )
        self.fields["report"].required = False


class PaperForm(StaffModelForm):
    submit_label = "Add paper"

    class Meta:
        model = Paper
        fields = ["title", "presented_by"]


class ActionForm(GovUKFormMixin, forms.ModelForm):
    priorities = PriorityChoiceField(
        label="Plan priorities (optional)",
        help_text="Tick the police and crime plan priorities the action is about: it then "
        "appears on each priority's page once the meeting's note is published.",
    )

    class Meta:
        model = ScrutinyAction
        formfield_callback = govuk_fields
        fields = ["description", "owner", "due_date", "priorities"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _action_helper("description", "owner", "due_date", submit="Add action")


class ActionUpdateForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(choices=ScrutinyAction.Status.choices, widget=forms.RadioSelect)
    update = forms.CharField(
        label="Latest update", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    closed_on = GovUKDateField(label="Closed on (for a closed action)", required=False)
    priorities = PriorityChoiceField(label="Plan priorities (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _action_helper("status", "update", "closed_on", submit="Save progress")


class _AsShownNow(forms.HiddenInput):
    """A hidden input that carries the value the page is shown with now, whatever was posted:
    a page shown again after a refusal sends what it shows then."""

    def __init__(self, value):
        super().__init__()
        self.shown = value

    def format_value(self, value):
        return self.shown


class ReportPublishForm(PublishForm):
    """Publishing a quarterly report, with the figures its check page showed (``reviewed``, as
    ``review_key`` gives it): publishing releases those figures and no others."""

    reviewed = forms.CharField(required=False)

    def __init__(self, *args, reviewed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed"].widget = _AsShownNow(reviewed)
