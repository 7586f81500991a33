"""Staff forms for the panel: meetings, agenda items, papers, packs, proceedings, membership."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models

from pcc_portal.accounts import roles
from pcc_portal.forms import (
    GovUKDateField,
    GovUKFormMixin,
    StaffModelForm,
    date_fields,
    form_helper,
)
from pcc_portal.publications.forms import PublishForm
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import InvalidPDF
from plans.forms import PriorityChoiceField

from .models import (
    AgendaItem,
    AgendaPack,
    Attendance,
    Declaration,
    Meeting,
    Member,
    Panel,
    PublicQuestion,
    Report,
    TaskAndFinishGroup,
)
from .services.meetings import check_upload


class TimeInput(forms.TimeInput):
    input_type = "time"


class PanelForm(StaffModelForm):
    class Meta:
        model = Panel
        fields = ["name", "host_authority", "secretary_name", "secretary_email", "secretary_phone"]


class MeetingForm(StaffModelForm):
    webcast_url = forms.URLField(required=False, assume_scheme="https", label="Webcast link")

    submit_label = "Save the meeting"

    class Meta:
        model = Meeting
        formfield_callback = date_fields
        fields = [
            "date",
            "start_time",
            "duration_minutes",
            "kind",
            "group",
            "venue",
            "room",
            "webcast_url",
        ]
        widgets = {"start_time": TimeInput()}
        labels = {"duration_minutes": "Expected length in minutes", "webcast_url": "Webcast link"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].empty_label = "The whole panel"


class MeetingStatusForm(GovUKFormMixin, forms.Form):
    ACTIONS = [
        ("postpone", "Postpone it"),
        ("cancel", "Cancel it"),
        ("held", "Record that it was held"),
    ]
    action = forms.ChoiceField(choices=ACTIONS, widget=forms.RadioSelect, label="What happened?")
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why? (shown to the public)",
        max_length=2000,
    )
    new_date = GovUKDateField(required=False, label="New date, if a postponed meeting has one")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper("action", "reason", "new_date", submit="Save")

    def clean(self):
        data = super().clean()
        if data.get("action") in ("postpone", "cancel") and not data.get("reason", "").strip():
            self.add_error("reason", "Say why the meeting is postponed or cancelled.")
        if data.get("action") != "postpone" and data.get("new_date"):
            self.add_error("new_date", "Only a postponed meeting has a new date.")
        return data


class AgendaItemForm(StaffModelForm):
    submit_label = "Save the item"

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "kind",
            "presenter",
            "description",
            "exempt",
            "exempt_reason",
            "minutes_of",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {"exempt": "Exempt item (Part 2)", "minutes_of": "Minutes of the meeting on"}

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = meeting or self.instance.meeting
        self.fields["minutes_of"].queryset = Meeting.objects.filter(date__lt=meeting.date).order_by(
            "-date"
        )
        self.fields["minutes_of"].label_from_instance = lambda m: f"{m.date:%-d %B %Y}"

    def clean(self):
        data = super().clean()
        if data.get("exempt") and not data.get("exempt_reason", "").strip():
            self.add_error(
                "exempt_reason", "Give the paragraph of Schedule 12A that makes the item exempt."
            )
        if not data.get("exempt"):
            data["exempt_reason"] = ""
        return data


class ReportForm(GovUKFormMixin, forms.ModelForm):
    priorities = PriorityChoiceField(
        label="Plan priorities (optional)",
        help_text="Tick the police and crime plan priorities the report is about: it then "
        "appears on each priority's page once published.",
    )
    late = forms.BooleanField(
        required=False,
        label="Late paper",
        help_text="It follows the published agenda, in a supplementary pack.",
    )

    class Meta:
        model = Report
        fields = [
            "title",
            "contact",
            "executive_summary",
            "recommendation",
            "body",
            "appendices",
            "author",
            "priorities",
        ]
        widgets = {
            "executive_summary": forms.Textarea(attrs={"rows": 4}),
            "recommendation": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 16}),
            "appendices": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, with_late=True, **kwargs):
        super().__init__(*args, **kwargs)
        priorities = Field.checkboxes("priorities", legend_size=Size.SMALL, small=True)
        fields = [priorities if name == "priorities" else name for name in self.Meta.fields]
        if with_late:
            fields.append("late")
        else:
            del self.fields["late"]
        self.helper = form_helper(*fields, submit="Save the report")


class UploadPaperForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(max_length=300, help_text="As the agenda lists it, e.g. “Appendix A”.")
    file = forms.FileField(label="PDF file", help_text="A PDF of up to 15 MB.")
    late = forms.BooleanField(required=False, label="Late paper")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = "application/pdf,.pdf"
        self.helper = form_helper("title", "file", "late", submit="Upload the paper")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except InvalidPDF as error:
            raise forms.ValidationError(str(error)) from error
        upload.seek(0)
        return upload


class PublicationPaperForm(GovUKFormMixin, forms.Form):
    version = forms.ModelChoiceField(
        queryset=Version.objects.none(),
        label="Published document",
        help_text="A published version of a plan, decision notice, report or minutes.",
    )
    title = forms.CharField(
        max_length=300, required=False, help_text="Leave empty to use the document's title."
    )
    late = forms.BooleanField(required=False, label="Late paper")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        packs = ContentType.objects.get_for_model(AgendaPack)
        self.fields["version"].queryset = (
            Version.objects.public().exclude(content_type=packs).order_by("-published_at")
        )
        self.fields["version"].label_from_instance = lambda v: (
            f"{v.title} (version {v.number}, {v.published_at:%-d %B %Y})"
        )
        self.helper = form_helper("version", "title", "late", submit="Add the paper")


class PublishPackForm(PublishForm):
    supplementary = forms.BooleanField(
        required=False,
        label="Supplementary pack",
        help_text="Late papers go after all the others, so the pages already sent out keep "
        "their numbers.",
    )
    submit_label = "Publish the pack"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_note"].help_text = (
            "Shown beside this version, e.g. “Agenda published” or “Added the late paper on the "
            "precept”."
        )


class AttendanceForm(GovUKFormMixin, forms.Form):
    """One choice per member, and the "also in attendance" list as lines of "name, role"."""

    visitors = forms.CharField(
        required=False,
        label="Also in attendance",
        help_text="One person a line: name, then their role after a comma.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(Member.objects.current(meeting.date).order_by("name"))
        recorded = {a.member_id: a.status for a in meeting.attendance.filter(member__isnull=False)}
        choices = [("", "Not recorded")] + [
            c for c in Attendance.Status.choices if c[0] != Attendance.Status.IN_ATTENDANCE
        ]
        for member in self.members:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                choices=choices,
                required=False,
                label=f"{member}{f', {member.council}' if member.council else ''}",
                initial=recorded.get(member.pk, ""),
            )
        if not self.is_bound:
            self.initial["visitors"] = "\n".join(
                f"{a.name}, {a.capacity}" if a.capacity else a.name
                for a in meeting.attendance.filter(member__isnull=True)
            )
        self.helper = form_helper(
            *(f"member_{m.pk}" for m in self.members), "visitors", submit="Save attendance"
        )

    def statuses(self):
        return {m: self.cleaned_data.get(f"member_{m.pk}") for m in self.members}

    def visitor_pairs(self):
        pairs = []
        for line in self.cleaned_data.get("visitors", "").splitlines():
            name, _, capacity = line.partition(",")
            if name.strip():
                pairs.append((name.strip(), capacity.strip()))
        return pairs


class ItemMinutesForm(GovUKFormMixin, forms.Form):
    minutes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Markdown: what was reported and discussed.",
    )
    resolutions = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One resolution a line, without “RESOLVED -”.",
    )
    webcast_time = forms.CharField(
        required=False,
        label="Where the item starts in the webcast",
        help_text="Hours, minutes and seconds into the recording, for example 1:02:33. The "
        "minutes link the item to that moment.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            "minutes", "resolutions", "webcast_time", submit="Save the minutes"
        )

    def clean_webcast_time(self):
        """Seconds into the recording, from "1:02:33", "2:33" or "33"; None when empty."""
        text = self.cleaned_data["webcast_time"].strip()
        if not text:
            return None
        parts = text.split(":")
        if len(parts) > 3 or not all(part.isdigit() for part in parts):
            raise forms.ValidationError(
                "Enter the time as hours, minutes and seconds, for example 1:02:33."
            )
        numbers = [int(part) for part in parts]
        if any(number > 59 for number in numbers[1:]):
            raise forms.ValidationError("Minutes and seconds go up to 59, for example 1:02:33.")
        seconds = 0
        for number in numbers:
            seconds = seconds * 60 + number
        return seconds


class DeclarationForm(StaffModelForm):
    submit_label = "Record the declaration"

    class Meta:
        model = Declaration
        fields = ["member", "item", "interest", "nature", "withdrew"]
        labels = {"item": "The item it concerns"}
        widgets = {"interest": forms.RadioSelect}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.current(meeting.date)
        self.fields["item"].queryset = meeting.items.order_by("number")


class PublicQuestionForm(StaffModelForm):
    submit_label = "Record the question"

    class Meta:
        model = PublicQuestion
        fields = ["asker", "name_withheld", "question", "answer"]
        labels = {"asker": "Asked by", "name_withheld": "Withhold the name when publishing"}
        widgets = {
            "question": forms.Textarea(attrs={"rows": 4}),
            "answer": forms.Textarea(attrs={"rows": 4}),
        }


class MemberForm(StaffModelForm):
    submit_label = "Save the member"

    class Meta:
        model = Member
        formfield_callback = date_fields
        fields = [
            "name",
            "kind",
            "council",
            "political_group",
            "role",
            "substitutes",
            "term_start",
            "term_end",
            "email",
            "user",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only accounts with the panel member role; the link goes when it is emptied.
        accounts = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=roles.PANEL_MEMBER)
            .order_by("username")
        )
        if self.instance.user_id:  # keep showing the linked account, whatever its role now
            accounts = accounts | get_user_model().objects.filter(pk=self.instance.user_id)
        self.fields["user"].queryset = accounts.distinct()
        self.fields["user"].empty_label = "Not linked to an account"
        self.fields["user"].label_from_instance = _account_label

    def clean(self):
        data = super().clean()
        if data.get("kind") == Member.Kind.COUNCILLOR and not data.get("council", "").strip():
            self.add_error("council", "Name the council that appointed this councillor.")
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", "The term must end after it starts.")
        user = data.get("user")
        if user and start:
            overlapping = (
                Member.objects.filter(user=user)
                .exclude(pk=self.instance.pk)
                .filter(models.Q(term_end__isnull=True) | models.Q(term_end__gte=start))
            )
            if end:
                overlapping = overlapping.filter(term_start__lte=end)
            other = overlapping.first()
            if other is not None:
                self.add_error(
                    "user",
                    f"That account is already linked to {other} for part of this term: "
                    "end that membership first.",
                )
        return data


def _account_label(user):
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


class TaskAndFinishGroupForm(StaffModelForm):
    submit_label = "Save the group"

    class Meta:
        model = TaskAndFinishGroup
        formfield_callback = date_fields
        fields = ["title", "scope", "members", "status", "report_back_by", "report_back_to"]
        widgets = {
            "members": forms.CheckboxSelectMultiple,
            "scope": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Member.objects.current()
