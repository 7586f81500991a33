from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size, Submit
from django import forms

from pcc_portal.forms import GovUKFormMixin


class RequestForm(GovUKFormMixin, forms.Form):
    note = forms.CharField(
        label="What should the approver know?",
        help_text="For example what changed, and what to check before it goes public.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Say what the approver should know: the note is required."},
    )

    def __init__(self, *args, action="", verb="publish", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout("note", Submit("ask", f"Ask for approval to {verb}"))


class ReturnForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it returned?",
        help_text="The person who asked reads this, by email and on its page.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Say why it is returned: the reason is required."},
    )

    def __init__(self, *args, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            "reason", Submit("return", "Return the request", css_class="govuk-button--warning")
        )
