"""The forms of an approval request: asking for approval with a note, returning with a reason."""

from crispy_forms_gds.layout import Submit

from pcc_portal.publications.forms import ActionForm, note_field


class RequestForm(ActionForm):
    note = note_field(
        label="What should the approver know?",
        help_text="For example what changed, and what to check before it goes public.",
        required_message="Say what the approver should know: the note is required.",
    )

    def __init__(self, *args, verb="publish", **kwargs):
        self.verb = verb
        super().__init__(*args, **kwargs)

    def button(self):
        return Submit("ask", f"Ask for approval to {self.verb}")


class ReturnForm(ActionForm):
    reason = note_field(
        label="Why is it returned?",
        help_text="The person who asked reads this, by email and on its page.",
        required_message="Say why it is returned: the reason is required.",
    )

    def button(self):
        return Submit("return", "Return the request", css_class="govuk-button--warning")
