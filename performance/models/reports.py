"""The quarterly performance report and its commentary on each priority."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import Publishable, PublishableQuerySet

from .. import periods


class QuarterlyReportQuerySet(PublishableQuerySet):
    pass


class QuarterlyReport(RendersMarkdown, Publishable):
    """The quarterly performance report: headlines, commentary per priority, a table and a
    chart per measure, and the national measures statement."""

    document_type = "performance"
    # Publishing and withdrawing it ask the publisher to re-authenticate, recorded in its history.
    page_template = "performance/report_body.html"
    document_template = "performance/report_document.html"

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="+")
    financial_year = models.PositiveSmallIntegerField(
        help_text="The year the financial year starts: 2021 for 2021-22."
    )
    quarter = models.PositiveSmallIntegerField(
        choices=[
            (1, "Q1 (April to June)"),
            (2, "Q2 (July to September)"),
            (3, "Q3 (October to December)"),
            (4, "Q4 (January to March)"),
        ]
    )
    headlines = models.TextField(blank=True, help_text="Markdown: the main points of the quarter.")
    headlines_html = MarkdownHTMLField(source="headlines")
    national_statement = models.TextField(
        "Statement on the national crime and policing measures",
        blank=True,
        help_text="Markdown: the Constabulary's contribution to the national priorities.",
    )
    national_statement_html = MarkdownHTMLField(source="national_statement")
    presented_on = models.DateField(
        null=True, blank=True, help_text="The strategic scrutiny meeting it was presented to."
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["headlines_html", "national_statement_html", "updated_at"]
    )
    objects = QuarterlyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-financial_year", "-quarter"]
        permissions = [("publish_quarterlyreport", "Can publish quarterly performance reports")]
        constraints = [
            models.UniqueConstraint(
                fields=["financial_year", "quarter"], name="one_report_per_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="quarter_1_to_4"
            ),
        ]

    def __str__(self):
        return f"Performance report, {self.period.long_label}"

    @property
    def period(self):
        return periods.Period.quarter(self.financial_year, self.quarter)

    @property
    def slug(self):
        return self.period.slug

    def get_absolute_url(self):
        return reverse("performance:report", kwargs={"quarter": self.slug})

    def get_pdf_url(self):
        return reverse("performance:report_pdf", kwargs={"quarter": self.slug})

    def get_manage_url(self):
        return reverse("performance_manage:report", kwargs={"pk": self.pk})

    def publication_title(self):
        return f"Police and crime plan performance report: {self.period.long_label}"

    def publication_context(self):
        from ..selectors import report_content

        return {"report": self, "content": report_content(report=self)}

    def publication_text(self):
        content = self.publication_context()["content"]
        parts = [self.publication_title(), markdown_to_text(self.headlines)]
        for section in content.sections:
            parts.append(section.title)
            if section.commentary:
                parts.append(markdown_to_text(section.commentary))
            parts.extend(row.measure.wording for row in section.rows)
        parts.append(markdown_to_text(self.national_statement))
        return "\n".join(part for part in parts if part)


class ReportCommentary(RendersMarkdown, models.Model):
    """What the report says about one priority this quarter."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="commentary")
    priority = models.ForeignKey("plans.Priority", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True, help_text="Markdown.")
    text_html = MarkdownHTMLField(source="text")

    history = HistoricalRecords(excluded_fields=["text_html"])

    class Meta:
        verbose_name_plural = "report commentary"
        constraints = [
            models.UniqueConstraint(
                fields=["report", "priority"], name="one_commentary_per_priority"
            )
        ]

    def __str__(self):
        return f"{self.report}: {self.priority}"
