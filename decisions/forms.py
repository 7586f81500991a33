"""Staff forms for decisions: the decision form itself, Part 2, attachments, reasons, reports."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms

from plans.forms import PriorityChoiceField

from .models import (
    Decision,
    DecisionAttachment,
    DecisionPart2,
    DecisionsReport,
    Part2Attachment,
    PriorityScope,
)


def _helper(*fields, submit="Save"):
    helper = FormHelper()
    helper.label_size = Size.SMALL
    helper.layout = Layout(*fields, Submit("save", submit))
    return helper


class DecisionForm(forms.ModelForm):
    priorities = PriorityChoiceField(
        label="Plan priorities served",
        help_text="Tick each priority of the police and crime plan this decision serves.",
    )

    class Meta:
        model = Decision
        fields = [
            "title",
            "report_by",
            "decision_maker",
            "executive_summary",
            "recommendation",
            "background",
            "legal_implications",
            "financial_implications",
            "equality_implications",
            "consultation_implications",
            "priority_scope",
            "priorities",
            "background_papers",
            "is_restricted",
        ]
        widgets = {
            "decision_maker": forms.RadioSelect,
            "priority_scope": forms.RadioSelect,
            "executive_summary": forms.Textarea(attrs={"rows": 4}),
            "recommendation": forms.Textarea(attrs={"rows": 3}),
            "background": forms.Textarea(attrs={"rows": 14}),
            "legal_implications": forms.Textarea(attrs={"rows": 4}),
            "financial_implications": forms.Textarea(attrs={"rows": 4}),
            "equality_implications": forms.Textarea(attrs={"rows": 4}),
            "consultation_implications": forms.Textarea(attrs={"rows": 4}),
            "background_papers": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("title"),
            Field.text("report_by"),
            Field.radios("decision_maker", legend_size=Size.SMALL),
            Fieldset(
                Field.textarea("executive_summary"),
                Field.textarea("recommendation"),
                legend="The decision",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("background"),
                legend="Part 1: background and advice",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("legal_implications"),
                Field.textarea("financial_implications"),
                Field.textarea("equality_implications"),
                Field.textarea("consultation_implications"),
                legend="Implications",
                legend_size=Size.MEDIUM,
            ),
            Field.radios("priority_scope", legend_size=Size.MEDIUM),
            Field.checkboxes("priorities", legend_size=Size.SMALL, small=True),
            Field.textarea("background_papers"),
            Field.checkbox("is_restricted"),
            submit="Save draft",
        )

    def clean(self):
        data = super().clean()
        scope, priorities = data.get("priority_scope"), data.get("priorities")
        if scope == PriorityScope.PLAN and not priorities:
            self.add_error(
                "priorities",
                "Tick the plan priorities this decision serves, or choose "
                "\u201cAll priorities\u201d or \u201cGovernance\u201d above.",
            )
        elif scope and scope != PriorityScope.PLAN and priorities:
            self.add_error(
                "priorities",
                f"You chose \u201c{PriorityScope(scope).label}\u201d: untick the plan "
                "priorities, or choose \u201cPlan priorities\u201d above.",
            )
        return data


class DecisionPart2Form(forms.ModelForm):
    class Meta:
        model = DecisionPart2
        fields = ["exemption", "content"]
        widgets = {"content": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("exemption"), Field.textarea("content"), submit="Save Part 2"
        )


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = DecisionAttachment
        fields = ["title", "file"]
        help_texts = {"file": "A PDF, up to 20 MB."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = "application/pdf,.pdf"
        self.helper = _helper(Field.text("title"), "file", submit="Upload")


class Part2AttachmentForm(AttachmentForm):
    class Meta(AttachmentForm.Meta):
        model = Part2Attachment


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter the reason"},
    )

    def __init__(self, *args, label, hint, submit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].help_text = hint
        self.helper = _helper(Field.textarea("reason"), submit=submit)
        self.helper.label_size = Size.MEDIUM


class DecisionsReportForm(forms.ModelForm):
    class Meta:
        model = DecisionsReport
        fields = ["title", "period_start", "period_end", "meeting_date", "contact", "introduction"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "meeting_date": forms.DateInput(attrs={"type": "date"}),
            "introduction": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"period_start": "From", "period_end": "To"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("title"),
            Field.text("period_start", field_width=10),
            Field.text("period_end", field_width=10),
            Field.text("meeting_date", field_width=10),
            Field.text("contact"),
            Field.textarea("introduction"),
            submit="Save draft",
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end of the period must be on or after its start.")
        return data
