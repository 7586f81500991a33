"""Staff forms for meetings and their agenda items: a meeting's details and status, and
each item on its agenda."""

from django import forms

from pcc_portal.forms import (
    GovUKDateField,
    GovUKFormMixin,
    StaffModelForm,
    form_helper,
    govuk_fields,
)

from ..models import AgendaItem, Meeting


class TimeInput(forms.TimeInput):
    input_type = "time"


class MeetingForm(StaffModelForm):
    webcast_url = forms.URLField(required=False, assume_scheme="https", label="Webcast link")

    submit_label = "Save the meeting"

    class Meta:
        model = Meeting
        formfield_callback = govuk_fields
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
