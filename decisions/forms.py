"""Staff forms for decisions: the decision form itself, Part 2, attachments, reasons, reports,
and continuing the numbering."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.db.models import Case, When
from django.utils import timezone

from pcc_portal.accounts.models import Office
from pcc_portal.financial_year import financial_year_label, financial_year_of
from pcc_portal.forms import GovUKFormMixin, form_helper, govuk_fields
from plans.forms import PriorityChoiceField
from plans.models import IN_FORCE_STAGES, Plan, Priority, Stage

from .models import (
    Decision,
    DecisionAttachment,
    DecisionPart2,
    DecisionsReport,
    Part2Attachment,
    PriorityScope,
)


def offered_priorities(decision=None):
    """The priorities a decision may be linked to: those of the plans in force (or, before any
    plan is issued, of the plans being prepared), and any it is already linked to, so an older
    plan's priority stays ticked. Grouped by plan, the current plan first."""
    plans = Plan.objects.filter(stage__in=IN_FORCE_STAGES)
    if not plans.exists():
        plans = Plan.objects.exclude(stage=Stage.SUPERSEDED)
    offered = Priority.objects.filter(plan__in=plans)
    if decision is not None and decision.pk:
        offered = offered | Priority.objects.filter(decisions=decision)
    return (
        offered.distinct().select_related("plan").order_by("-plan__term_start", "plan_id", "number")
    )


class GroupedPriorityChoiceField(PriorityChoiceField):
    """The tick boxes grouped by plan, each group a fieldset whose legend names the plan (the
    template ``decisions/manage/_priorities_field.html`` renders ``groups``)."""

    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"

    @property
    def groups(self):
        # The index numbers the boxes across groups: the first is ``id_priorities_0``, where the
        # error summary links to.
        groups = []
        for index, priority in enumerate(self.queryset):
            if not groups or groups[-1]["plan"].pk != priority.plan_id:
                groups.append({"plan": priority.plan, "choices": []})
            groups[-1]["choices"].append(
                {"index": index, "value": priority.pk, "label": self.label_from_instance(priority)}
            )
        return groups


class DecisionMakerField(forms.ModelChoiceField):
    def label_from_instance(self, office):
        if office.value_limit is None:
            return office.title
        return f"{office.title} (up to \u00a3{office.value_limit:,.0f})"


YES_NO = [("True", "Yes"), ("False", "No")]


def _section(legend, *fields):
    """A part of the decision form, under a heading of its own."""
    return Fieldset(*fields, legend=legend, legend_size=Size.MEDIUM)


class DecisionForm(GovUKFormMixin, forms.ModelForm):
    priorities = GroupedPriorityChoiceField(
        label="Plan priorities served",
        help_text="Tick each priority of the police and crime plan this decision serves.",
    )
    decision_maker = DecisionMakerField(
        # The Commissioner, the Deputy, then officers with delegated authority by title.
        queryset=Office.objects.decision_making().order_by(
            Case(
                When(kind=Office.Kind.COMMISSIONER, then=0),
                When(kind=Office.Kind.DEPUTY, then=1),
                default=2,
            ),
            "title",
        ),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Decision maker",
        help_text="The office whose holder makes and signs this decision: an officer with "
        "delegated authority only within their limit.",
        error_messages={"required": "Choose who makes the decision"},
    )
    has_financial_implications = forms.TypedChoiceField(
        label="Does the decision have financial implications?",
        help_text="If it has none, the chief finance officer's declaration is recorded as not "
        "needed.",
        choices=YES_NO,
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the decision has financial implications"},
    )

    class Meta:
        model = Decision
        fields = [
            "title",
            "report_by",
            "decision_maker",
            "value",
            "executive_summary",
            "recommendation",
            "background",
            "legal_implications",
            "has_financial_implications",
            "financial_implications",
            "equality_implications",
            "consultation_implications",
            "priority_scope",
            "priorities",
            "background_papers",
            "is_restricted",
        ]
        widgets = {
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
        # Only the current plan's priorities (and those already linked), not every plan's.
        self.fields["priorities"].queryset = offered_priorities(self.instance)
        self.fields["value"].widget.attrs.update(inputmode="decimal", spellcheck="false")
        self.fields["value"].error_messages["invalid"] = "Enter the value in pounds, like 25000"
        if not self.instance.decision_maker_id:
            self.initial.setdefault(
                "decision_maker", Office.objects.of_kind(Office.Kind.COMMISSIONER).first()
            )
        # The radios compare their values as text.
        self.initial["has_financial_implications"] = str(
            self.initial.get("has_financial_implications", True)
        )
        # Grouped and ordered as the decision form is filled in (the seed's 28/2021): who and
        # what first, the decision, its background, implications, the plan, then publication.
        self.helper = form_helper(
            _section(
                "About the decision",
                Field.text("title"),
                Field.text("report_by"),
                Field.radios("decision_maker", legend_size=Size.SMALL),
                Field.text("value", field_width=10),
            ),
            _section(
                "The decision",
                Field.textarea("executive_summary"),
                Field.textarea("recommendation"),
            ),
            _section(
                "Part 1: background and advice",
                Field.textarea("background"),
            ),
            _section(
                "Implications",
                Field.textarea("legal_implications"),
                Field.radios("has_financial_implications", legend_size=Size.SMALL, inline=True),
                Field.textarea("financial_implications"),
                Field.textarea("equality_implications"),
                Field.textarea("consultation_implications"),
            ),
            _section(
                "The police and crime plan",
                Field.radios("priority_scope", legend_size=Size.SMALL),
                Field("priorities", template="decisions/manage/_priorities_field.html"),
            ),
            _section(
                "Papers and publication",
                Field.textarea("background_papers"),
                Field.checkbox("is_restricted"),
            ),
            submit="Save draft",
        )

    def clean(self):
        data = super().clean()
        has_money, value = data.get("has_financial_implications"), data.get("value")
        if has_money is False and value:
            self.add_error(
                "has_financial_implications",
                "The decision has a value: it has financial implications. Choose \u201cYes\u201d, "
                "or clear the value.",
            )
        if has_money and not (data.get("financial_implications") or "").strip():
            self.add_error(
                "financial_implications",
                "Set out the financial implications, or answer \u201cNo\u201d above if there "
                "are none.",
            )
        if value is not None and value < 0:
            self.add_error("value", "The value cannot be less than \u00a30")
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


class DecisionPart2Form(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = DecisionPart2
        fields = ["grounds", "exemption", "content"]
        widgets = {"content": forms.Textarea(attrs={"rows": 14}), "grounds": forms.RadioSelect}
        labels = {"grounds": "It is not published because it contains"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("grounds", legend_size=Size.SMALL),
            Field.text("exemption"),
            Field.textarea("content"),
            submit="Save Part 2",
        )


class AttachmentForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = DecisionAttachment
        fields = ["title", "file"]
        help_texts = {"file": "A PDF, up to 20 MB."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = "application/pdf,.pdf"
        self.helper = form_helper(Field.text("title"), "file", submit="Upload")


class Part2AttachmentForm(AttachmentForm):
    class Meta(AttachmentForm.Meta):
        model = Part2Attachment


class ReasonForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter the reason"},
    )

    def __init__(self, *args, label, hint, submit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].help_text = hint
        self.helper = form_helper(Field.textarea("reason"), submit=submit)
        self.helper.label_size = Size.MEDIUM


class DecisionsReportForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = DecisionsReport
        formfield_callback = govuk_fields
        fields = ["title", "period_start", "period_end", "meeting_date", "contact", "introduction"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"period_start": "From", "period_end": "To"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("title"),
            "period_start",
            "period_end",
            "meeting_date",
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


class ContinueNumberingForm(GovUKFormMixin, forms.Form):
    """Where an earlier system issued references, the portal carries on after its last one."""

    financial_year = forms.TypedChoiceField(
        label="Financial year",
        coerce=int,
        error_messages={"required": "Choose the financial year"},
    )
    last_number = forms.IntegerField(
        label="Last reference number used",
        help_text="The number of the last decision the earlier system issued that year, for "
        "example 27 for 27/2021. The next decision takes the number after it.",
        min_value=0,
        max_value=999,
        error_messages={
            "required": "Enter the last reference number used",
            "invalid": "Enter the number as digits, like 27",
            "min_value": "The number cannot be less than 0",
            "max_value": "The number must be 999 or less",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = financial_year_of(timezone.localdate())
        self.fields["financial_year"].choices = [
            (year, financial_year_label(year)) for year in range(this_year + 1, this_year - 6, -1)
        ]
        self.initial.setdefault("financial_year", this_year)
        self.fields["last_number"].widget.attrs.update(inputmode="numeric", spellcheck="false")
        self.helper = form_helper(
            Field.select("financial_year"),
            Field.text("last_number", field_width=4),
            submit="Continue the numbering",
        )
