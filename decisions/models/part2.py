"""Part 2 of a decision: the exempt detail, held apart from Part 1 with its own permission and
its own attachments, and never published."""

from django.db import models
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.visibility import VisibilityQuerySet

from .decision import Decision
from .files import CheckedAttachment


class DecisionPart2QuerySet(VisibilityQuerySet):
    """Part 2 is never public: only staff with its own permission ever see it."""


_FOI = "(Freedom of Information Act 2000, section {})"


class DecisionPart2(RendersMarkdown, models.Model):
    """The exempt detail of a decision, held apart from Part 1 and never published."""

    class Grounds(models.TextChoices):
        # Each label completes "... is not published because it contains ...": public words.
        PERSONAL = "personal", f"personal information {_FOI.format(40)}"
        COMMERCIAL = "commercial", f"commercially sensitive information {_FOI.format(43)}"
        LEGAL_ADVICE = "legal_advice", f"legal advice that is privileged {_FOI.format(42)}"
        LAW_ENFORCEMENT = (
            "law_enforcement",
            f"information that could prejudice law enforcement {_FOI.format(31)}",
        )
        CONFIDENTIAL = "confidential", f"information provided in confidence {_FOI.format(41)}"
        SECURITY = (
            "security",
            f"information that could endanger health or safety {_FOI.format(38)}",
        )
        OTHER = "other", "information exempt from publication under the Freedom of Information Act"

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="part2")
    grounds = models.CharField(
        "Grounds",
        max_length=30,
        choices=Grounds,
        default=Grounds.OTHER,
        help_text="The public page of an unrestricted decision says its Part 2 is not published "
        "because it contains this.",
    )
    exemption = models.CharField(
        "Why it is exempt",
        max_length=300,
        help_text="For example \u201cCommercially sensitive: Freedom of Information Act "
        "section 43\u201d.",
    )
    content = models.TextField(help_text="Markdown. The facts and advice that are not published.")
    content_html = MarkdownHTMLField(source="content")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["content_html", "updated_at"])
    objects = DecisionPart2QuerySet.as_manager()

    class Meta:
        verbose_name = "decision Part 2"
        verbose_name_plural = "decision Part 2s"

    def __str__(self):
        return f"Part 2 of {self.decision}"


class Part2Attachment(CheckedAttachment):
    """A PDF that belongs to Part 2: seen only by those who may see Part 2."""

    storage_folder = "part2"

    part2 = models.ForeignKey(DecisionPart2, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(max_length=200)

    class Meta(CheckedAttachment.Meta):
        verbose_name = "Part 2 attachment"
