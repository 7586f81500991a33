"""The decision itself: Part 1 of the form, what the public may read once it is signed and
published, and the queries staff and the public ask of decisions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.accounts.models import Office
from pcc_portal.financial_year import financial_year_label
from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import Publishable, PublishableQuerySet, Version
from plans.models import Priority, plan_priorities

from .. import deadlines
from .steps import (
    CHIEF_FINANCE_OFFICER_DECLARATION,
    MONITORING_OFFICER_DECLARATION,
    _as_printed,
    _holding_as_taken,
    _taken_at,
    _taken_by,
)


class PriorityScope(models.TextChoices):
    PLAN = "plan", "Plan priorities (choose them below)"
    ALL = "all", "All priorities"
    GOVERNANCE = "governance", "Governance"


class DecisionQuerySet(PublishableQuerySet):
    # Staff who take part in the workflow (declaring, signing, Part 2) see drafts too.
    draft_permissions = (
        *PublishableQuerySet.draft_permissions,
        "declare",
        "sign",
        "decisions.view_decisionpart2",
        "decisions.change_decisionpart2",
    )

    def published(self):
        """Decisions staff have published: they have a version (its notice may still be
        rendering, or withdrawn since). Whether the public sees one is ``public()``'s answer."""
        return self.filter(models.Exists(self._outer(Version.objects.all())))

    def drafts(self):
        return self.filter(status=Decision.Status.DRAFT)

    def signed(self):
        return self.filter(status=Decision.Status.SIGNED)

    def awaiting_publication(self):
        return self.filter(status=Decision.Status.SIGNED, published_at__isnull=True).order_by(
            "decision_date", "number"
        )

    def awaiting_signature(self):
        return self.filter(status=Decision.Status.DECLARED).order_by("submitted_at")

    def awaiting_declaration(self):
        """Submitted decisions still waiting for the monitoring officer's declaration."""
        return self.filter(status=Decision.Status.SUBMITTED, declared_at__isnull=True).order_by(
            "submitted_at"
        )

    def awaiting_finance_declaration(self):
        """Submitted decisions with financial implications still waiting for the chief finance
        officer's declaration."""
        return self.filter(
            status=Decision.Status.SUBMITTED,
            has_financial_implications=True,
            finance_declared_at__isnull=True,
        ).order_by("submitted_at")

    def in_register_order(self):
        return self.order_by("-decision_date", "-financial_year", "-number")

    def with_priorities(self):
        return self.prefetch_related(
            models.Prefetch("priorities", queryset=Priority.objects.select_related("plan"))
        )

    def search(self, text):
        """Match the title of any decision, and Part 1's text only of unrestricted ones: a search
        must not reveal what a restricted decision's withheld text says."""
        text = text.strip()
        if not text:
            return self
        words = models.Q(title__icontains=text)
        if text.replace("/", "").isdigit() and "/" in text:
            number, _, year = text.partition("/")
            if number and year:
                words |= models.Q(number=int(number), financial_year=int(year))
        body = models.Q()
        for field in ("executive_summary", "recommendation", "background", "report_by"):
            body |= models.Q(**{f"{field}__icontains": text})
        return self.filter(words | (models.Q(is_restricted=False) & body))


class Decision(RendersMarkdown, Publishable):
    """Part 1 of a decision form."""

    document_type = "decision"
    # Publishing and withdrawing it ask the publisher to re-authenticate, recorded in its history.
    page_template = "decisions/decision_body.html"
    document_template = "decisions/decision_document.html"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Awaiting declarations"
        DECLARED = "declared", "Awaiting signature"
        SIGNED = "signed", "Signed"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn before signature"

    MARKDOWN_FIELDS = (
        "executive_summary",
        "recommendation",
        "background",
        "legal_implications",
        "financial_implications",
        "equality_implications",
        "consultation_implications",
        "background_papers",
    )

    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    financial_year = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False, help_text="The year its financial year starts."
    )
    number = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    title = models.CharField(max_length=200)
    report_by = models.CharField(
        max_length=200,
        help_text="Who wrote the report, with their role, for example "
        "\u201cIan Dickinson, Head of Governance\u201d.",
    )
    decision_maker = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="decisions",
        limit_choices_to={"kind__in": Office.DECISION_MAKING},
        verbose_name="decision maker",
        help_text="The office whose holder makes the decision and signs it.",
    )
    value = models.DecimalField(
        "Value (\u00a3)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="What the decision commits, in pounds. An officer with delegated authority may "
        "sign only up to their limit.",
    )
    has_financial_implications = models.BooleanField(
        "Has financial implications",
        default=True,
        help_text="Without them, the chief finance officer's declaration is recorded as not "
        "needed.",
    )
    executive_summary = models.TextField(help_text="Markdown. What the decision is about.")
    recommendation = models.TextField(help_text="Markdown. What the decision maker is asked to do.")
    background = models.TextField("Background and advice", help_text="Markdown.")
    legal_implications = models.TextField(blank=True, help_text="Markdown.")
    financial_implications = models.TextField(blank=True, help_text="Markdown.")
    equality_implications = models.TextField(
        "Equality considerations", blank=True, help_text="Markdown."
    )
    consultation_implications = models.TextField("Consultation", blank=True, help_text="Markdown.")
    priority_scope = models.CharField(
        "Plan priority",
        max_length=20,
        choices=PriorityScope,
        default=PriorityScope.PLAN,
        help_text="Which of the police and crime plan's priorities the decision serves.",
    )
    priorities = plan_priorities("decisions")
    background_papers = models.TextField(
        blank=True, help_text="Markdown. One paper a line, with a link where it is published."
    )
    is_restricted = models.BooleanField(
        "Restricted",
        default=False,
        help_text="The public register shows only the reference, title, priority and date.",
    )

    executive_summary_html = MarkdownHTMLField(source="executive_summary")
    recommendation_html = MarkdownHTMLField(source="recommendation")
    background_html = MarkdownHTMLField(source="background")
    legal_implications_html = MarkdownHTMLField(source="legal_implications")
    financial_implications_html = MarkdownHTMLField(source="financial_implications")
    equality_implications_html = MarkdownHTMLField(source="equality_implications")
    consultation_implications_html = MarkdownHTMLField(source="consultation_implications")
    background_papers_html = MarkdownHTMLField(source="background_papers")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = _taken_at()
    submitted_by = _taken_by()
    declared_at = _taken_at()
    declared_by = _taken_by()
    # Each step keeps the person's name and office title as they were that day, as the form
    # printed them, beside the account and the office holding it was made under.
    monitoring_officer_name = _as_printed()
    monitoring_officer_title = _as_printed()
    monitoring_officer_holding = _holding_as_taken()
    finance_declared_at = _taken_at()
    finance_declared_by = _taken_by(editable=False)
    finance_officer_name = _as_printed()
    finance_officer_title = _as_printed()
    finance_officer_holding = _holding_as_taken()
    signed_at = _taken_at()
    signed_by = _taken_by()
    signatory_name = _as_printed()
    signatory_title = _as_printed()
    signatory_holding = _holding_as_taken()
    decision_date = models.DateField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_on_time = models.BooleanField(
        null=True,
        editable=False,
        help_text="Whether it was first published within three working days of its signature.",
    )
    publication_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = _taken_at()
    closed_by = _taken_by()
    closed_reason = models.TextField(blank=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=[f"{name}_html" for name in MARKDOWN_FIELDS] + ["updated_at"],
        m2m_fields=[priorities],
    )
    objects = DecisionQuerySet.as_manager()

    class Meta:
        permissions = [
            ("sign_decision", "Can sign decisions (decision makers only)"),
            ("declare_decision", "Can make the statutory officers' declarations"),
            ("publish_decision", "Can publish signed decisions"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["financial_year", "number"], name="unique_decision_reference"
            ),
            models.CheckConstraint(
                condition=models.Q(number__isnull=True, financial_year__isnull=True)
                | models.Q(number__gte=1, financial_year__isnull=False),
                name="decision_reference_complete",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="signed")
                | models.Q(
                    number__isnull=False, signed_at__isnull=False, decision_date__isnull=False
                ),
                name="signed_decision_has_reference_and_signature",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["rejected", "withdrawn"])
                | ~models.Q(closed_reason=""),
                name="closed_decision_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["declared", "signed"])
                | models.Q(declared_at__isnull=False),
                name="declared_decision_has_the_monitoring_officers_declaration",
            ),
        ]
        indexes = [models.Index(fields=["status", "decision_date"])]

    def __str__(self):
        return f"{self.reference} {self.title}" if self.number else self.title

    # --- reference and dates -------------------------------------------------------------
    @property
    def reference(self):
        return f"{self.number:02d}/{self.financial_year}" if self.number else ""

    @property
    def financial_year_label(self):
        return financial_year_label(self.financial_year)

    @property
    def publication_due_on(self):
        return deadlines.publication_due_on(self.decision_date) if self.decision_date else None

    def publication_overdue(self, today=None):
        today = today or timezone.localdate()
        return (
            self.status == self.Status.SIGNED
            and not self.is_published
            and self.publication_due_on < today
        )

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT

    @property
    def is_signed(self):
        return self.status == self.Status.SIGNED

    @property
    def is_published(self):
        """Staff have published it (the first time is recorded). Whether the public sees it
        now is for its versions and withdrawals to say, never this."""
        return self.published_at is not None

    # --- declarations --------------------------------------------------------------------
    @property
    def legal_declared(self):
        return self.declared_at is not None

    @property
    def finance_declaration_needed(self):
        return self.has_financial_implications

    @property
    def finance_declared(self):
        return self.finance_declared_at is not None

    @property
    def declarations_complete(self):
        """Both declarations are made (the chief finance officer's, or it is not needed)."""
        return self.legal_declared and (
            self.finance_declared or not self.finance_declaration_needed
        )

    @property
    def decision_maker_title(self):
        """The decision maker's office as signed, or as it is now before signature."""
        return self.signatory_title or self.decision_maker.title

    # --- priorities ----------------------------------------------------------------------
    def priority_labels(self):
        """What the register's "Priority" column says."""
        if self.priority_scope != PriorityScope.PLAN:
            return [self.get_priority_scope_display()]
        return [priority.title for priority in self.priorities.all()]

    @property
    def priority_text(self):
        return "; ".join(self.priority_labels())

    @property
    def public_title(self):
        return f"{self.title} (restricted)" if self.is_restricted else self.title

    # --- publishing ----------------------------------------------------------------------
    def publication_title(self):
        return f"Decision {self.reference}: {self.public_title}"

    def publication_text(self):
        parts = [self.publication_title(), self.priority_text]
        if not self.is_restricted:
            parts += [self.report_by]
            parts += [markdown_to_text(getattr(self, name)) for name in self.MARKDOWN_FIELDS]
        return "\n".join(part for part in parts if part)

    def part2_grounds(self):
        """Why the Part 2 of an unrestricted decision is not published, in words safe to publish
        (its exemption category, never its own text); empty when it has none."""
        # Part 2 links to the decision, so it is imported when it is asked for.
        from .part2 import DecisionPart2

        part2 = DecisionPart2.objects.filter(decision=self).only("grounds").first()
        return part2.get_grounds_display() if part2 else ""

    def publication_context(self):
        return {
            "decision": self,
            "attachments": [] if self.is_restricted else list(self.attachments.all()),
            "part2_grounds": "" if self.is_restricted else self.part2_grounds(),
            "declaration_text": MONITORING_OFFICER_DECLARATION,
            "finance_declaration_text": CHIEF_FINANCE_OFFICER_DECLARATION,
        }

    def get_absolute_url(self):
        return reverse(
            "decisions:detail", kwargs={"year": self.financial_year, "number": self.number}
        )

    def get_pdf_url(self):
        return reverse("decisions:pdf", kwargs={"year": self.financial_year, "number": self.number})

    def get_manage_url(self):
        return reverse("decisions_manage:detail", kwargs={"pk": self.pk})
