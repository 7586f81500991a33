"""Staff forms for a meeting's proceedings: attendance, each item's minutes, declarations
of interest and public questions."""

from django import forms

from pcc_portal.forms import GovUKFormMixin, StaffModelForm, form_helper

from ..models import Attendance, Declaration, Member, PublicQuestion


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
