from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size, Submit
from django import forms

from pcc_portal.forms import GovUKFormMixin

from .models import ContentPage


class ContentPageForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = ContentPage
        fields = ["title", "slug", "summary", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 20})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "title", "slug", "summary", "body", Submit("save", "Save draft")
        )
        self.helper.label_size = Size.MEDIUM
