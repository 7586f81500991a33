from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size, Submit
from django import forms

from pcc_portal.forms import GovUKFormMixin


class PublishForm(GovUKFormMixin, forms.Form):
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

    def __init__(self, *args, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.label_size = Size.SMALL
        # The confirmation comes last, just above the button, whatever a subclass adds.
        fields = [name for name in self.fields if name != "confirm"]
        self.helper.layout = Layout(*fields, "confirm", Submit("publish", self.submit_label))
        # Publishing renders the PDF, which takes a while: the button says so (working.js).
        self.helper.attrs = {"data-working": "Publishing\u2026 this can take a minute"}


class WithdrawForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it being withdrawn?",
        help_text="The public notice says it: “Withdrawn on <date>: <reason>”.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Say why it is being withdrawn: the reason is required."},
    )

    def __init__(self, *args, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            "reason",
            Submit("withdraw", "Withdraw from the public site", css_class="govuk-button--warning"),
        )
        self.helper.attrs = {"data-working": "Withdrawing\u2026"}
