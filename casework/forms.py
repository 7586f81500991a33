"""Staff forms for the Panel's casework, and the public question form."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size
from django import forms

from panel.models import AgendaItem, Meeting, Member
from pcc_portal.forms import GovUKFormMixin, StaffModelForm, form_helper, govuk_fields

from .models import STEP_LABELS, Case, Complaint, QuestionWindow, Step
from .records import STEP_FIELDS


def _meeting_label(meeting):
    return f"{meeting.date:%-d %B %Y} ({meeting.get_kind_display().lower()})"


class CaseForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = Case
        fields = ["year", "post", "candidate", "reserve_for", "meeting", "agenda_item", "summary"]
        labels = {
            "year": "Financial year, by the year it starts",
            "reserve_for": "Reserve candidate after the veto of",
            "meeting": "Public meeting",
            "agenda_item": "Agenda item",
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kind = kind
        meetings = Meeting.objects.order_by("-date")
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = _meeting_label
        self.fields["agenda_item"].queryset = AgendaItem.objects.select_related("meeting").order_by(
            "-meeting__date", "number"
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.date:%-d %B %Y}, item {item.number}: {item.title}"
        )
        if kind == Case.Kind.CONFIRMATION:
            del self.fields["year"]
            self.fields["post"].required = True
            self.fields["candidate"].required = True
            self.fields["reserve_for"].queryset = Case.objects.filter(
                kind=Case.Kind.CONFIRMATION, post=Case.Post.CHIEF_CONSTABLE
            ).exclude(pk=self.instance.pk)
            self.fields["reserve_for"].required = False
        else:
            for name in ("post", "candidate", "reserve_for"):
                del self.fields[name]
            self.fields["year"].required = True
            self.fields["year"].widget = forms.NumberInput(attrs={"class": "govuk-input--width-4"})
        self.helper = form_helper(*self.fields, submit="Save")

    def clean(self):
        data = super().clean()
        item, meeting = data.get("agenda_item"), data.get("meeting")
        if item and meeting and item.meeting_id != meeting.pk:
            self.add_error("agenda_item", "Choose an item of the public meeting chosen above.")
        if item and not meeting:
            data["meeting"] = item.meeting
        return data


class StepForm(GovUKFormMixin, forms.ModelForm):
    document = forms.FileField(
        required=False,
        label="Document (PDF)",
        help_text="Scripts, actions and embedded files are removed before it is published.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    class Meta:
        model = Step
        formfield_callback = govuk_fields
        fields = list(STEP_FIELDS)
        labels = {
            "kind": "Step",
            "amount": "Precept for a Band D property (£)",
            "outcome": "Outcome",
            "veto_direction": "If vetoed, the Panel found the precept",
            "votes_for": "Votes for",
            "votes_against": "Votes against",
            "members_in_office": "Members of the Panel at the time",
            "document_title": "Document title",
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case = case
        recorded = set(case.steps.values_list("kind", flat=True))
        self.fields["kind"].choices = [
            (kind, label) for kind, label in STEP_LABELS[case.kind].items() if kind not in recorded
        ]
        self.fields["kind"].widget = forms.RadioSelect(choices=self.fields["kind"].choices)
        if case.kind != Case.Kind.PRECEPT:
            del self.fields["amount"]
            del self.fields["veto_direction"]
        if not self.is_bound and "members_in_office" in self.fields:
            self.initial.setdefault(
                "members_in_office", Member.objects.current().filter(panel=case.panel).count()
            )
        for name in ("votes_for", "votes_against", "abstentions", "members_in_office"):
            self.fields[name].widget.attrs["class"] = "govuk-input--width-3"
        self.helper = form_helper(*self.fields, submit="Record the step")


class ComplaintForm(StaffModelForm):
    submit_label = "Save the complaint"

    class Meta:
        model = Complaint
        formfield_callback = govuk_fields
        fields = [
            "subject",
            "received_on",
            "complainant_name",
            "complainant_contact",
            "details",
            "recording",
            "recording_decided_on",
            "not_recorded_reason",
            "serious",
            "conduct_matter",
            "became_clear_on",
            "referred_on",
            "informal_resolution_started_on",
            "outcome",
            "outcome_on",
            "outcome_notes",
        ]
        labels = {
            "subject": "Who is it about?",
            "recording": "Decision whether to record it",
            "recording_decided_on": "Date of that decision",
            "not_recorded_reason": "Why it is not recorded",
            "informal_resolution_started_on": "Informal resolution started on",
            "outcome_on": "Date of the outcome",
        }
        widgets = {
            "details": forms.Textarea(attrs={"rows": 4}),
            "not_recorded_reason": forms.Textarea(attrs={"rows": 3}),
            "outcome_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].widget = forms.RadioSelect(choices=Complaint.Subject.choices)
        self.fields["recording"].widget = forms.RadioSelect(choices=Complaint.Recording.choices)


class AskQuestionForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(max_length=200, label="Your name")
    email = forms.EmailField(
        label="Your email address",
        help_text="We send a link to confirm it. It is never published.",
    )
    question = forms.CharField(
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Your question",
        help_text="Up to 1,500 characters.",
    )
    withhold_name = forms.BooleanField(
        required=False, label="Do not publish my name with the question"
    )
    # Left empty by people; filled by robots that fill every field. Hidden from sight and from
    # assistive technology by the template, not by an inline style.
    website = forms.CharField(required=False, label="Leave this empty")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.helper = FormHelper()
        self.helper.label_size = Size.SMALL
        self.helper.form_tag = False
        self.helper.layout = Layout("name", "email", "question", "withhold_name")

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class QuestionWindowForm(StaffModelForm):
    class Meta:
        model = QuestionWindow
        fields = ["deadline", "limit_per_person", "rules"]
        labels = {"deadline": "Deadline", "limit_per_person": "Questions per person"}
        widgets = {
            "deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "rules": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["limit_per_person"].widget.attrs["class"] = "govuk-input--width-3"

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        meeting = self.instance.meeting
        if deadline.date() > meeting.date:
            raise forms.ValidationError("The deadline must be before the meeting.")
        return deadline


class DecideQuestionForm(GovUKFormMixin, forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept it for the meeting"), ("reject", "Reject it")],
        widget=forms.RadioSelect,
        label="Decision",
    )
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason for rejecting it (sent to the person who asked)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper("decision", "reason", submit="Save the decision")


class AnswerForm(GovUKFormMixin, forms.Form):
    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), label="Answer")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper("answer", submit="Save the answer")
