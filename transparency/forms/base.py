"""What the transparency forms share: the upload limit and GOV.UK error messages that name a
field by its label."""

from django import forms

from pcc_portal.forms import GovUKFormMixin, required_message

MAX_UPLOAD = 20 * 1024 * 1024


class _NamedErrors(GovUKFormMixin):
    """GOV.UK error messages, naming a field by its label without what its brackets add: an
    empty "Amount (£)" says "Enter the amount"."""

    def _name_errors(self):
        default_required = str(forms.Field.default_error_messages["required"])
        for field in self.fields.values():
            label = str(field.label or "")
            if " (" in label and str(field.error_messages.get("required")) == default_required:
                field.error_messages["required"] = required_message(field, label.split(" (")[0])
        super()._name_errors()
