"""Staff forms for plans: the plan, its parts, lifecycle steps, progress notes and copying."""

from django import forms
from django.utils import timezone

from pcc_portal.forms import (
    GovUKDateField,
    GovUKFormMixin,
    StaffModelForm,
    form_helper,
    govuk_fields,
)
from pcc_portal.publications.forms import PublishForm

from .models import (
    PUBLISHING_STAGES,
    STEP_PERMISSIONS,
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Plan,
    Priority,
    RevenueFigure,
    Section,
    Stage,
)


class PriorityChoiceField(forms.ModelMultipleChoiceField):
    """Tick boxes for the plan priorities something serves, newest plan first; decisions, panel
    reports and scrutiny actions use it to join a priority's golden thread."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Plan priorities")
        queryset = Priority.objects.select_related("plan").order_by("-plan__term_start", "number")
        super().__init__(queryset=queryset, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.plan.title}: {obj.number}. {obj.title}"


class _TermForm(StaffModelForm):
    """A plan's details for a term, which must end after it starts."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end <= start:
            self.add_error("term_end", "The term must end after it starts.")
        return cleaned


class PlanForm(_TermForm):
    submit_label = "Save draft"

    class Meta:
        model = Plan
        formfield_callback = govuk_fields
        fields = [
            "title",
            "slug",
            "force_area",
            "commissioner",
            "term_start",
            "term_end",
            "summary",
        ]
        labels = {"term_start": "Term starts", "term_end": "Term ends"}

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        plan = self.instance
        if plan.pk and slug != plan.slug and plan.versions.exists():
            raise forms.ValidationError(
                f"People and other pages link to /plans/{plan.slug}/: the address cannot change "
                "once the plan has been published."
            )
        return slug


class CopyPlanForm(_TermForm):
    """The next term's plan: what differs from the one copied."""

    submit_label = "Copy the plan"

    class Meta:
        model = Plan
        formfield_callback = govuk_fields
        fields = ["title", "slug", "commissioner", "term_start", "term_end"]
        labels = {"term_start": "Term starts", "term_end": "Term ends"}


class PartForm(StaffModelForm):
    """A part of one plan: choices of priorities are that plan's only."""

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        if "priority" in self.fields:
            self.fields["priority"].queryset = plan.priorities.order_by("number")


class SectionForm(PartForm):
    class Meta:
        model = Section
        fields = ["title", "kind", "placement", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}
        labels = {"kind": "What kind of section it is", "placement": "Where it goes"}


class PriorityForm(PartForm):
    class Meta:
        model = Priority
        fields = ["title", "summary", "narrative"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "narrative": forms.Textarea(attrs={"rows": 16}),
        }
        help_texts = {"summary": "One or two sentences shown in the contents and lists."}


class _PriorityPartForm(PartForm):
    """A priority's line of wording (a commitment or an accountability item): the priority
    must be chosen."""

    class Meta:
        fields = ["priority", "wording"]
        widgets = {"wording": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].empty_label = None


class CommitmentForm(_PriorityPartForm):
    class Meta(_PriorityPartForm.Meta):
        model = Commitment
        labels = {"wording": "What I will do"}


class AccountabilityItemForm(_PriorityPartForm):
    class Meta(_PriorityPartForm.Meta):
        model = AccountabilityItem
        labels = {"wording": "I will hold the Chief Constable to account for"}


class MeasureForm(PartForm):
    class Meta:
        model = Measure
        fields = [
            "wording",
            "priority",
            "theme",
            "direction",
            "unit",
            "minimum",
            "maximum",
            "is_national",
        ]
        help_texts = {"priority": "Leave empty for a measure of a cross-cutting theme."}
        widgets = {
            "theme": forms.TextInput(attrs={"list": "measure-themes"}),
            "minimum": forms.NumberInput(attrs={"inputmode": "decimal"}),
            "maximum": forms.NumberInput(attrs={"inputmode": "decimal"}),
        }
        labels = {
            "minimum": "Lowest possible figure (optional)",
            "maximum": "Highest possible figure (optional)",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].empty_label = "None: a cross-cutting theme"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("priority") and not (cleaned.get("theme") or "").strip():
            self.add_error("theme", "Choose a priority, or enter the theme this measure is under.")
        low, high = cleaned.get("minimum"), cleaned.get("maximum")
        if low is not None and high is not None and low > high:
            self.add_error("maximum", "The highest figure must not be below the lowest.")
        if (cleaned.get("unit") or "").strip() == "%":
            for name in ("minimum", "maximum"):
                if cleaned.get(name) is not None and not 0 <= cleaned[name] <= 100:
                    self.add_error(name, "A percentage is between 0 and 100.")
        return cleaned


def _not_negative(value):
    if value is not None and value < 0:
        raise forms.ValidationError("Enter an amount of 0 or more.")
    return value


class RevenueFigureForm(PartForm):
    class Meta:
        model = RevenueFigure
        fields = ["kind", "label", "financial_year", "amount", "note"]

    def clean_amount(self):
        return _not_negative(self.cleaned_data["amount"])


class CapitalLineForm(PartForm):
    class Meta:
        model = CapitalLine
        fields = ["scheme", "financial_year", "amount_millions"]

    def clean_amount_millions(self):
        return _not_negative(self.cleaned_data["amount_millions"])

    def validate_unique(self):
        # The plan is not a field of the form, so Django cannot check (plan, scheme, year).
        data = self.cleaned_data
        taken = CapitalLine.objects.filter(
            plan=self.plan, scheme=data.get("scheme"), financial_year=data.get("financial_year")
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            self.add_error(
                "financial_year",
                "This scheme already has an amount for that year: change that one instead.",
            )


def _decision_reference_field():
    """The reference of the decision approving a step of the plan, which both step forms ask
    for."""
    return forms.CharField(
        label="Decision reference (optional)",
        required=False,
        max_length=50,
        help_text="The decision approving it, for example 28/2021.",
    )


class StepForm(GovUKFormMixin, forms.Form):
    """Record the plan's next lifecycle step, other than those that publish it (issuing and
    varying), which are taken from their check page (``PublishingStepForm``)."""

    stage = forms.ChoiceField(label="Step", widget=forms.RadioSelect)
    date = GovUKDateField(label="Date it happened")
    reference = _decision_reference_field()
    consultation_opened = GovUKDateField(
        label="Consultation opened (public and victims consulted only)",
        required=False,
        help_text="The date it happened is the day the consultation closed.",
    )
    responses_summary = forms.CharField(
        label="Summary of responses (public and victims consulted only)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text="Who replied, how many, and what they said. The public reads it with the "
        "plan's steps.",
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What happened. Required when superseding.",
    )

    def __init__(self, *args, plan, user, action="", **kwargs):
        super().__init__(*args, **kwargs)
        stages = [Stage(s) for s in plan.next_stages()]
        variation = plan.is_in_force
        self.fields["stage"].choices = [
            (
                s.value,
                f"{s.label} on a draft variation"
                if variation and s == Stage.CONSULTED
                else s.label,
            )  # fmt: skip
            for s in stages
            if s not in PUBLISHING_STAGES and user.has_perm(STEP_PERMISSIONS[s])
        ]
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
        fields = ["stage", "date", "reference"]
        if Stage.PUBLIC_CONSULTED in stages:
            fields += ["consultation_opened", "responses_summary"]
        else:
            del self.fields["consultation_opened"], self.fields["responses_summary"]
        self.helper = form_helper(*fields, "note", submit="Record the step", action=action)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("stage") == Stage.PUBLIC_CONSULTED:
            opened, closed = cleaned.get("consultation_opened"), cleaned.get("date")
            if opened is None:
                self.add_error("consultation_opened", "Enter the date the consultation opened.")
            elif closed and opened > closed:
                self.add_error(
                    "consultation_opened", "The consultation cannot open after it closed."
                )
            if not (cleaned.get("responses_summary") or "").strip():
                self.add_error("responses_summary", "Give a summary of the responses.")
        return cleaned

    @property
    def has_choices(self):
        return bool(self.fields["stage"].choices)


class PublishingStepForm(PublishForm):
    """The check page's form for the step that publishes the plan (issuing or varying it):
    when it happened, the decision approving it, and what it is, which the public reads beside
    the new version."""

    date = GovUKDateField(label="Date it happened")
    reference = _decision_reference_field()
    minor_reason = forms.CharField(
        label="Why is this a minor variation?",
        help_text="A variation goes to the Chief Constable and then the Panel before it is "
        "published: record \u201cChief Constable consulted\u201d on the plan's page to start "
        "them. Only a minor variation, such as correcting an error or updating a figure without "
        "changing an objective, is made without them. The reason is published with the plan's "
        "steps.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Say why this variation is minor, or go back and record \u201cChief "
            "Constable consulted\u201d on the draft variation first."
        },
    )
    field_order = ["date", "reference", "change_note", "minor_reason"]

    def __init__(self, *args, plan, stage, **kwargs):
        self.submit_label = "Issue and publish" if stage == Stage.ISSUED else "Vary and publish"
        super().__init__(*args, **kwargs)
        if not (stage == Stage.VARIED and plan.variation_may_be_minor):
            del self.fields["minor_reason"]
            self.lay_out()
        if stage == Stage.ISSUED:
            self.fields["change_note"].help_text = (
                "Shown to the public beside the first version, for example \u201cApproved by "
                "the Commissioner by decision 28/2021\u201d."
            )
        else:
            self.fields[
                "change_note"
            ].help_text = "What the variation changes, shown to the public beside the new version."
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())


class ProgressForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Delivery status", choices=Commitment.Status.choices, widget=forms.RadioSelect
    )
    date = GovUKDateField(label="Date")
    note = forms.CharField(
        label="What has happened", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args, commitment, action="", **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("status", commitment.status)
            self.initial.setdefault("date", timezone.localdate())
        self.helper = form_helper(
            "status", "date", "note", submit="Add the progress note", action=action
        )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future.")
        return date
