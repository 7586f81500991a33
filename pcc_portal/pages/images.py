"""Images staff upload to put in pages and plans: stored re-encoded in the public media storage
under a random name, and written into Markdown as ``![alt text](address)``."""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models

from pcc_portal.publications.markdown import IMAGE_UPLOAD_DIRECTORY


def _image_name(instance, filename):
    """A random name under the images folder: an uploaded image's address cannot be guessed."""
    extension = PurePosixPath(filename).suffix.lower()
    return f"{IMAGE_UPLOAD_DIRECTORY}{secrets.token_urlsafe(18)}{extension}"


class Image(models.Model):
    """An image staff uploaded to put in a page or a plan with ``![alt](url)``. Stored re-encoded
    in the public media storage under a random name; the alt text is what the snippet suggests."""

    file = models.ImageField(upload_to=_image_name, width_field="width", height_field="height")
    alt_text = models.CharField(
        "Alternative text",
        max_length=250,
        help_text="What the image shows, for people who cannot see it.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.alt_text

    def snippet(self):
        """The Markdown that puts this image in a document."""
        alt = self.alt_text.replace("[", "(").replace("]", ")")
        return f"![{alt}]({self.file.url})"


def upload_image(*, file, alt_text, uploaded_by):
    """Store an image (already checked and re-encoded by the upload form) under a random name."""
    image = Image(alt_text=alt_text, uploaded_by=uploaded_by)
    image.file.save(file.name, file, save=False)
    image.save()
    return image
