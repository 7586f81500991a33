"""Staff forms for imports."""

from crispy_forms_gds.layout import Size
from django import forms

from pcc_portal.forms import GovUKFormMixin, SpreadsheetField, form_helper, too_large
from transparency.forms import MAX_UPLOAD

from .spreadsheets import MAX_TABLE_BYTES, MAX_ZIP_BYTES


def _zip_or_none(upload, not_a_zip):
    """An optional ZIP upload, refused with ``not_a_zip`` when it is some other kind of file."""
    if upload is None:
        return None
    if not upload.name.lower().endswith(".zip"):
        raise forms.ValidationError(not_a_zip)
    if upload.size > MAX_ZIP_BYTES:
        raise forms.ValidationError(too_large(upload, MAX_ZIP_BYTES))
    return upload


class DecisionImportForm(GovUKFormMixin, forms.Form):
    table = SpreadsheetField(
        max_bytes=MAX_TABLE_BYTES,
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
        self.fields["notices"].widget.attrs["accept"] = ".zip"
        self.helper = form_helper("table", "notices", submit="Upload and check")

    def clean_notices(self):
        return _zip_or_none(self.cleaned_data.get("notices"), "The notices must be a .zip file.")


class EntryImportForm(GovUKFormMixin, forms.Form):
    table = SpreadsheetField(
        max_bytes=MAX_TABLE_BYTES,
        label="Spreadsheet of entries",
        help_text="A .csv or .xlsx file whose first row names the columns, as in the template.",
    )
    files = forms.FileField(
        label="ZIP of the PDFs (optional if no row names one)",
        required=False,
        help_text="A .zip file of the PDFs the rows name, each no larger than "
        f"{MAX_UPLOAD // (1024 * 1024)} MB. Every file in it must be named by a row.",
    )

    def __init__(self, *args, keeps_files=False, **kwargs):
        super().__init__(*args, **kwargs)
        fields = ["table"]
        if keeps_files:
            self.fields["files"].widget.attrs["accept"] = ".zip"
            fields.append("files")
        else:
            del self.fields["files"]
        self.helper = form_helper(*fields, submit="Upload and check")

    def clean_files(self):
        return _zip_or_none(self.cleaned_data.get("files"), "The PDFs must come in a .zip file.")


class ApplyEntryImportForm(GovUKFormMixin, forms.Form):
    RELEASE, DRAFT = "release", "draft"

    outcome = forms.ChoiceField(
        label="What should happen to the new entries?",
        choices=[
            (
                RELEASE,
                "Release them now: the public sees them at once, each marked as imported "
                "(you will be asked for your password again)",
            ),
            (DRAFT, "Keep them as drafts, to check and release one by one"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to release the new entries now."},
    )

    def __init__(self, *args, may_release=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_release:
            self.fields["outcome"].choices = [
                (value, label)
                for value, label in self.fields["outcome"].choices
                if value == self.DRAFT
            ]
        self.helper = form_helper(
            "outcome", submit="Import the new entries", label_size=Size.MEDIUM
        )

    @property
    def release(self):
        return self.cleaned_data["outcome"] == self.RELEASE
