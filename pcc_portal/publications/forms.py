"""The forms every publishing app shares: publishing with a change note and withdrawing with a
reason, each confirmed by the user."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size, Submit
from django import forms

from pcc_portal.forms import GovUKFormMixin


def note_field(*, label, help_text, required_message):
    """A short text a step asks for (why, what changed), which it must be given."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": required_message},
    )


class ActionForm(GovUKFormMixin, forms.Form):
    """The form of one step (publish, withdraw, ask for approval): its fields, then its button,
    posted to ``action``."""

    working = ""  # what the button says while the step runs (working.js), where it takes a while

    def __init__(self, *args, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.label_size = Size.SMALL
        self.lay_out()
        if self.working:
            self.helper.attrs = {"data-working": self.working}

    def lay_out(self):
        """The fields in order, then the button; again after a subclass removes a field."""
        self.helper.layout = Layout(*self.layout_fields(), self.button())

    def layout_fields(self):
        return list(self.fields)

    def button(self):
        raise NotImplementedError


class PublishForm(ActionForm):
    """The form on the check page that publishes: what changed, and the confirmation that the
    publisher has checked what becomes public (and what goes to members only)."""

    change_note = forms.CharField(
        label="What has changed?",
        help_text="Shown to the public beside this version, for example "
        "\u201cCorrected the contact telephone number\u201d.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    confirm = forms.BooleanField(
        label="I have checked what becomes public",
        error_messages={
            "required": "Confirm that you have checked what becomes public: tick the box, or go "
            "back and change what is wrong."
        },
    )
    submit_label = "Publish"
    # Publishing renders the PDF, which takes a while: the button says so.
    working = "Publishing\u2026 this can take a minute"

    def layout_fields(self):
        # The confirmation comes last, just above the button, whatever a subclass adds.
        return [*(name for name in self.fields if name != "confirm"), "confirm"]

    def button(self):
        return Submit("publish", self.submit_label)


class WithdrawForm(ActionForm):
    reason = note_field(
        label="Why is it being withdrawn?",
        help_text="The public notice says it: “Withdrawn on <date>: <reason>”.",
        required_message="Say why it is being withdrawn: the reason is required.",
    )
    working = "Withdrawing\u2026"

    def button(self):
        return Submit(
            "withdraw", "Withdraw from the public site", css_class="govuk-button--warning"
        )
