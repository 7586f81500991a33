"""Staff forms for imports."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size, Submit
from django import forms

from .spreadsheets import MAX_TABLE_BYTES, MAX_ZIP_BYTES


class DecisionImportForm(forms.Form):
    table = forms.FileField(
        label="Spreadsheet of decisions",
        help_text="A .csv or .xlsx file whose first row names the columns reference, title, "
        "decision date, decision maker and, if you have them, priority, summary, restricted "
        "and notice (the signed notice's PDF file name in the ZIP).",
    )
    notices = forms.FileField(
        label="ZIP of signed notices (optional if every decision is restricted)",
        required=False,
        help_text="A .zip file of the PDFs the notice column names.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].widget.attrs["accept"] = ".csv,.xlsx"
        self.fields["notices"].widget.attrs["accept"] = ".zip"
        self.helper = FormHelper()
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout("table", "notices", Submit("upload", "Upload and check"))

    def clean_table(self):
        upload = self.cleaned_data["table"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The spreadsheet must be a .csv or .xlsx file.")
        if upload.size > MAX_TABLE_BYTES:
            raise forms.ValidationError("The spreadsheet must be smaller than 5 MB.")
        return upload

    def clean_notices(self):
        upload = self.cleaned_data.get("notices")
        if upload is None:
            return None
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError("The notices must be a .zip file.")
        if upload.size > MAX_ZIP_BYTES:
            raise forms.ValidationError("The ZIP must be smaller than 200 MB.")
        return upload
