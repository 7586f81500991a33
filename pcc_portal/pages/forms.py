"""Staff forms for content pages: the page itself and the images its Markdown shows."""

import io

from crispy_forms_gds.layout import Size
from django import forms
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from pcc_portal.forms import GovUKFormMixin, form_helper, too_large
from pcc_portal.publications.markdown import unusable_images

from .models import ContentPage

IMAGE_SIZE_LIMIT = 2 * 1024 * 1024
IMAGE_SIDE_LIMIT = 4000
# Pillow's name for each format accepted: the extension stored and the format it is saved in.
IMAGE_FORMATS = {"PNG": (".png", "PNG"), "JPEG": (".jpg", "JPEG")}


class ContentPageForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = ContentPage
        fields = ["title", "slug", "summary", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 20})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            "title", "slug", "summary", "body", submit="Save draft", label_size=Size.MEDIUM
        )

    def clean_body(self):
        body = self.cleaned_data["body"]
        problems = unusable_images(body)
        if problems:
            raise forms.ValidationError(problems)
        return body


class ImageUploadForm(GovUKFormMixin, forms.Form):
    """An image to put in a document: PNG or JPEG, capped in size, checked and re-encoded with
    Pillow so that only the picture is kept (no metadata, nothing appended to the file)."""

    file = forms.FileField(
        label="Image",
        help_text="A PNG or JPEG file, up to 2 MB and 4,000 pixels wide or high.",
    )
    alt_text = forms.CharField(
        label="Alternative text",
        max_length=250,
        help_text="Say what the image shows, for people who cannot see it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper("file", "alt_text", submit="Upload image")

    def clean_alt_text(self):
        alt_text = " ".join(self.cleaned_data["alt_text"].split())
        if not alt_text:
            raise forms.ValidationError("Enter the alternative text")
        return alt_text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMAGE_SIZE_LIMIT:
            raise forms.ValidationError(too_large(upload, IMAGE_SIZE_LIMIT))
        try:
            with PILImage.open(upload) as picture:
                if picture.format not in IMAGE_FORMATS:
                    raise forms.ValidationError("The image must be a PNG or a JPEG")
                if max(picture.size) > IMAGE_SIDE_LIMIT:
                    raise forms.ValidationError(
                        "The image must be at most 4,000 pixels wide and high"
                    )
                picture.load()
                extension, pillow_format = IMAGE_FORMATS[picture.format]
                if pillow_format == "JPEG" and picture.mode not in ("RGB", "L"):
                    picture = picture.convert("RGB")
                encoded = io.BytesIO()
                picture.save(encoded, format=pillow_format)
        except forms.ValidationError:
            raise
        except (OSError, ValueError, PILImage.DecompressionBombError) as error:
            raise forms.ValidationError("The file must be a PNG or JPEG image") from error
        return ContentFile(encoded.getvalue(), name=f"image{extension}")
