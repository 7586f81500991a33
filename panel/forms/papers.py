"""Staff forms for an agenda's papers and packs: reports written here, uploaded PDFs,
papers from published documents, and publishing the pack."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.contrib.contenttypes.models import ContentType

from pcc_portal.forms import GovUKFormMixin, form_helper
from pcc_portal.publications.forms import PublishForm
from pcc_portal.publications.models import Version
from plans.forms import PriorityChoiceField

from ..models import AgendaPack, Report


class ReportForm(GovUKFormMixin, forms.ModelForm):
    priorities = PriorityChoiceField(
        label="Plan priorities (optional)",
        help_text="Tick the police and crime plan priorities the report is about: it then "
        "appears on each priority's page once published.",
    )
    late = forms.BooleanField(
        required=False,
        label="Late paper",
        help_text="It follows the published agenda, in a supplementary pack.",
    )

    class Meta:
        model = Report
        fields = [
            "title",
            "contact",
            "executive_summary",
            "recommendation",
            "body",
            "appendices",
            "author",
            "priorities",
        ]
        widgets = {
            "executive_summary": forms.Textarea(attrs={"rows": 4}),
            "recommendation": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 16}),
            "appendices": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, with_late=True, **kwargs):
        super().__init__(*args, **kwargs)
        priorities = Field.checkboxes("priorities", legend_size=Size.SMALL, small=True)
        fields = [priorities if name == "priorities" else name for name in self.Meta.fields]
        if with_late:
            fields.append("late")
        else:
            del self.fields["late"]
        self.helper = form_helper(*fields, submit="Save the report")


class UploadPaperForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(max_length=300, help_text="As the agenda lists it, e.g. “Appendix A”.")
    file = forms.FileField(label="PDF file", help_text="A PDF of up to 15 MB.")
    late = forms.BooleanField(required=False, label="Late paper")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = "application/pdf,.pdf"
        self.helper = form_helper("title", "file", "late", submit="Upload the paper")


class PublicationPaperForm(GovUKFormMixin, forms.Form):
    version = forms.ModelChoiceField(
        queryset=Version.objects.none(),
        label="Published document",
        help_text="A published version of a plan, decision notice, report or minutes.",
    )
    title = forms.CharField(
        max_length=300, required=False, help_text="Leave empty to use the document's title."
    )
    late = forms.BooleanField(required=False, label="Late paper")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        packs = ContentType.objects.get_for_model(AgendaPack)
        self.fields["version"].queryset = (
            Version.objects.public().exclude(content_type=packs).order_by("-published_at")
        )
        self.fields["version"].label_from_instance = lambda v: (
            f"{v.title} (version {v.number}, {v.published_at:%-d %B %Y})"
        )
        self.helper = form_helper("version", "title", "late", submit="Add the paper")


class PublishPackForm(PublishForm):
    supplementary = forms.BooleanField(
        required=False,
        label="Supplementary pack",
        help_text="Late papers go after all the others, so the pages already sent out keep "
        "their numbers.",
    )
    submit_label = "Publish the pack"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_note"].help_text = (
            "Shown beside this version, e.g. “Agenda published” or “Added the late paper on the "
            "precept”."
        )
