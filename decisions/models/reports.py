"""The Panel's report of decisions made since its last meeting, published like any document."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.accounts.models import Office
from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import Publishable

from .decision import Decision


class DecisionsReport(RendersMarkdown, Publishable):
    """The Panel's report of decisions made between two dates (usually since its last meeting),
    published as a document the Panel's agenda can include."""

    document_type = "decisions-report"
    # Publishing and withdrawing it ask the publisher to re-authenticate, recorded in its history.
    page_template = "decisions/report_body.html"
    document_template = "decisions/report_document.html"

    title = models.CharField(max_length=200, default="Police and Crime Commissioner decisions")
    period_start = models.DateField(help_text="The first decision date the report covers.")
    period_end = models.DateField(help_text="The last decision date the report covers.")
    meeting_date = models.DateField(
        null=True, blank=True, help_text="The Panel meeting the report is for, if known."
    )
    contact = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who to contact for further information: name, telephone, email.",
    )
    introduction = models.TextField(
        blank=True, help_text="Markdown. Anything the Panel should know beyond the table."
    )
    introduction_html = MarkdownHTMLField(source="introduction")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["introduction_html", "updated_at"])

    class Meta:
        ordering = ["-period_end", "-pk"]
        permissions = [("publish_decisionsreport", "Can publish decisions reports")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="decisions_report_period_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.title}, {self.period_label}"

    @property
    def period_label(self):
        return f"{self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"

    def decisions(self):
        """Published decisions dated within the period, in reference order. A decision counts
        from the moment staff publish it, so a report published with it lists it; one withdrawn
        from the public site does not."""
        return (
            Decision.objects.published()
            .exclude(pk__in=Decision.objects.withdrawn().values("pk"))
            .filter(decision_date__range=(self.period_start, self.period_end))
            .with_priorities()
            .order_by("financial_year", "number")
        )

    def publication_context(self):
        decisions = list(self.decisions())
        delegated = set(Office.objects.of_kind(Office.Kind.DELEGATED).values_list("pk", flat=True))
        return {
            "report": self,
            "decisions": decisions,
            "delegated": [d for d in decisions if d.decision_maker_id in delegated],
        }

    def publication_text(self):
        lines = [self.publication_title(), markdown_to_text(self.introduction)]
        lines += [f"{d.reference} {d.public_title} {d.priority_text}" for d in self.decisions()]
        return "\n".join(line for line in lines if line)

    def get_absolute_url(self):
        return reverse("decisions:report", kwargs={"pk": self.pk})

    def get_pdf_url(self):
        return reverse("decisions:report_pdf", kwargs={"pk": self.pk})

    def get_manage_url(self):
        return reverse("decisions_manage:report_detail", kwargs={"pk": self.pk})
