"""Papers on an agenda item: a report written in the portal, an uploaded PDF appendix, or a
document another app published (any ``publications.Version``: a plan, a decision notice, a
decisions report, a performance report, or the panel's own minutes)."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import Publishable, PublishableQuerySet, private_storage
from plans.models import plan_priorities

UPLOAD_LIMIT = 15 * 1024 * 1024


class ReportQuerySet(PublishableQuerySet):
    def public(self):
        """Reports the public can read. A report is published only as a paper of its meeting's
        agenda pack: in a ready version of a pack that is not withdrawn, under an item that is
        not exempt."""
        from .packs import PackPaper  # packs.py imports this module

        papers = PackPaper.objects.published().filter(report=models.OuterRef("pk"))
        return self.filter(models.Exists(papers))


class Report(RendersMarkdown, Publishable):
    """A report to the panel with the cover sheet of the seed's papers: meeting, title, contact,
    executive summary, recommendation, then the body and any appendices."""

    document_type = "panel-report"
    page_template = "panel/report_body.html"
    document_template = "panel/report_document.html"

    meeting = models.ForeignKey("panel.Meeting", on_delete=models.PROTECT, related_name="reports")
    title = models.CharField(max_length=300)
    contact = models.CharField(
        max_length=300,
        help_text="Contact for further information: name, telephone, organisation, email.",
    )
    executive_summary = models.TextField(help_text="Markdown.")
    executive_summary_html = MarkdownHTMLField(source="executive_summary")
    recommendation = models.TextField(help_text="Markdown: what the panel is asked to do.")
    recommendation_html = MarkdownHTMLField(source="recommendation")
    body = models.TextField(blank=True, help_text="Markdown: background, advice, implications.")
    body_html = MarkdownHTMLField(source="body")
    appendices = models.TextField(
        blank=True, help_text="Markdown: each appendix under a ## heading."
    )
    appendices_html = MarkdownHTMLField(source="appendices")
    author = models.CharField(max_length=200, blank=True, help_text="Signed off by, with role.")
    priorities = plan_priorities(
        "panel_reports", help_text="The police and crime plan priorities the report is about."
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        m2m_fields=[priorities],
        excluded_fields=[
            "executive_summary_html",
            "recommendation_html",
            "body_html",
            "appendices_html",
            "updated_at",
        ],
    )
    objects = ReportQuerySet.as_manager()

    class Meta:
        permissions = [("publish_report", "Can publish panel reports")]

    def __str__(self):
        return self.title

    def publication_context(self):
        return {"meeting": self.meeting, "report": self}

    def publication_text(self):
        return "\n".join(
            [
                self.title,
                markdown_to_text(self.executive_summary),
                markdown_to_text(self.recommendation),
                markdown_to_text(self.body),
                markdown_to_text(self.appendices),
            ]
        )

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()

    def get_manage_url(self):
        return reverse("panel_manage:report_edit", kwargs={"pk": self.pk})


class Paper(models.Model):
    class Kind(models.TextChoices):
        REPORT = "report", "Report written in the portal"
        UPLOAD = "upload", "Uploaded PDF"
        PUBLICATION = "publication", "Published document"

    item = models.ForeignKey("panel.AgendaItem", on_delete=models.CASCADE, related_name="papers")
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="papers"
    )
    # An uploaded PDF is kept as it came, privately, and served only as cleaned on upload
    # (pcc_portal.publications.pdf_safety): ``upload`` is that cleaned file, the one every
    # public paper link and both packs use, and ``upload_sha256`` its digest.
    upload = models.FileField(upload_to="panel/uploads/", storage=private_storage, blank=True)
    upload_sha256 = models.CharField(max_length=64, blank=True)
    original_upload = models.FileField(
        upload_to="panel/uploads/originals/",
        storage=private_storage,
        blank=True,
        help_text="The PDF as it was uploaded, never served.",
    )
    upload_removed = models.JSONField(
        default=list,
        blank=True,
        help_text="What cleaning removed from the uploaded PDF, in words for the secretary.",
    )
    upload_page_count = models.PositiveIntegerField(null=True, blank=True)
    upload_tagged = models.BooleanField(default=False)
    version = models.ForeignKey(
        "publications.Version",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A published version of a document from elsewhere in the portal.",
    )
    late = models.BooleanField(
        default=False, help_text="Sent out after the agenda, in a supplementary pack."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="report", report__isnull=False, version__isnull=True, upload="")
                    | models.Q(kind="upload", report__isnull=True, version__isnull=True)
                    & ~models.Q(upload="")
                    | models.Q(
                        kind="publication", report__isnull=True, version__isnull=False, upload=""
                    )
                ),
                name="paper_has_exactly_its_kinds_source",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def known_page_count(self):
        """Pages if known before rendering (uploads and published versions), else None."""
        if self.kind == self.Kind.UPLOAD:
            return self.upload_page_count
        if self.kind == self.Kind.PUBLICATION:
            return self.version.page_count
        return None
