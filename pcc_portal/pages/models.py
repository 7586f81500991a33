"""Content pages: "About the Commissioner", "Roles and responsibilities", the accessibility
statement. Written in Markdown by staff and published through frozen versions."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import Publishable


class ContentPage(RendersMarkdown, Publishable):
    document_type = "page"
    page_template = "pages/page_body.html"
    document_template = "pages/page_document.html"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The last part of the page's address: /pages/<slug>/. Keep it once published.",
    )
    summary = models.CharField(
        max_length=300, blank=True, help_text="One sentence shown under the title and in lists."
    )
    body = models.TextField(help_text="Markdown: ## for headings, * for lists, [text](link).")
    body_html = MarkdownHTMLField(source="body")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["body_html", "updated_at"])

    class Meta:
        ordering = ["title"]
        permissions = [("publish_contentpage", "Can publish content pages")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.slug == "accessibility":
            return reverse("accessibility")
        return reverse("pages:detail", kwargs={"slug": self.slug})

    def get_manage_url(self):
        return reverse("pages_manage:detail", kwargs={"pk": self.pk})

    def get_pdf_url(self):
        return reverse("pages:pdf", kwargs={"slug": self.slug})

    def publication_text(self):
        return "\n".join([self.title, self.summary, markdown_to_text(self.body)])


# Images staff upload for documents live in their own module.
from .images import Image  # noqa: E402, F401
