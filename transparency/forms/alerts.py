"""The public's sign-up for email alerts."""

from django import forms

from pcc_portal.forms import form_helper
from plans.models import Priority

from ..models import Topic
from .base import _NamedErrors


class SubscribeForm(_NamedErrors, forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We send a link to this address to confirm; nothing is sent until you do.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    topic = forms.ChoiceField(
        label="What do you want to hear about?",
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you want to hear about"},
    )
    priority = forms.ModelChoiceField(
        label="Plan priority",
        queryset=None,
        required=False,
        help_text="If you chose a plan priority: which one.",
    )

    def __init__(self, *args, priorities, **kwargs):
        """``priorities``: the public priorities, as their plans published them (a list)."""
        super().__init__(*args, **kwargs)
        published = {priority.pk: priority for priority in priorities}
        field = self.fields["priority"]
        field.queryset = Priority.objects.filter(pk__in=published).order_by(
            "-plan__term_start", "number"
        )
        # Labelled as published: a draft rename of the priority stays private.
        field.label_from_instance = lambda p: f"{published[p.pk].plan}: {published[p.pk]}"
        self.helper = form_helper("email", "topic", "priority", submit="Subscribe")

    def clean(self):
        data = super().clean()
        if data.get("topic") == Topic.PRIORITY and not data.get("priority"):
            self.add_error("priority", "Choose the plan priority you want to follow.")
        if data.get("topic") != Topic.PRIORITY:
            data["priority"] = None
        return data
