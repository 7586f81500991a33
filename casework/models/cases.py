"""The Panel's statutory cases (the precept, confirmation hearings, the annual report) and
their dated steps, which make each case's timetable."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.errors import DomainError
from pcc_portal.financial_year import financial_year_label
from pcc_portal.publications.models import (
    Publishable,
    PublishableQuerySet,
    Version,
    private_storage,
)


class CaseworkError(DomainError):
    """A step the law or the case's state does not allow, in words for the secretary, with the
    form field it concerns when there is one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


CASE_WORK_PERMISSIONS = (
    "casework.view_case",
    "casework.change_case",
    "casework.add_step",
    "casework.publish_case",
)


class CaseQuerySet(PublishableQuerySet):
    """Visibility of cases: public while a released version is not withdrawn. The public reads
    that version's frozen record (``frozen_case``), never the live rows, so a step recorded
    after a release stays private until the next one."""

    # Every case for those who work on cases; released ones for everyone else.
    draft_permissions = CASE_WORK_PERMISSIONS


# The search filter's type of each kind of case (``Version.document_type``).
SEARCH_KINDS = {
    "precept": "panel-precept",
    "confirmation": "panel-confirmation-hearing",
    "annual_report": "panel-annual-report",
}


class Case(Publishable):
    """One piece of the Panel's statutory business with a timetable set by law, released to the
    public as a frozen record (a ``Version`` of kind record: the case, its steps and which
    cleaned document each step had), withdrawn with a reason like everything published."""

    version_kind = Version.Kind.RECORD
    search_reads_pdf = False

    class Kind(models.TextChoices):
        PRECEPT = "precept", "Precept"
        CONFIRMATION = "confirmation", "Confirmation hearing"
        ANNUAL_REPORT = "annual_report", "Annual report"

    class Post(models.TextChoices):
        CHIEF_CONSTABLE = "chief_constable", "Chief Constable"
        DEPUTY = "deputy", "Deputy Police and Crime Commissioner"
        CHIEF_EXECUTIVE = "chief_executive", "Chief Executive"
        CHIEF_FINANCE_OFFICER = "chief_finance_officer", "Chief Finance Officer"

    panel = models.ForeignKey("panel.Panel", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind)
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The financial year it concerns, by the year it starts: 2022 for 2022/23.",
    )
    post = models.CharField(max_length=30, choices=Post, blank=True)
    candidate = models.CharField(
        max_length=200, blank=True, help_text="The person the Commissioner proposes to appoint."
    )
    reserve_for = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reserve",
        help_text="The vetoed proposal this one replaces (a Chief Constable's reserve candidate).",
    )
    meeting = models.ForeignKey(
        "panel.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The public meeting where the Panel considers it.",
    )
    agenda_item = models.ForeignKey(
        "panel.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The item of that meeting's agenda.",
    )
    summary = models.TextField(blank=True, help_text="Shown to the public once released.")
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()
    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-created_at"]
        permissions = [("publish_case", "Can put a case on the public pages")]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "kind", "year"],
                condition=models.Q(kind__in=["precept", "annual_report"]),
                name="casework_one_precept_or_annual_report_a_year",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="confirmation") & ~models.Q(post="") & ~models.Q(candidate="")
                )
                | (~models.Q(kind="confirmation") & models.Q(post="", year__isnull=False)),
                name="casework_post_for_hearings_year_for_the_rest",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.PRECEPT:
            return f"Precept {self.year_label}"
        if self.kind == self.Kind.ANNUAL_REPORT:
            return f"Annual report {self.year_label}"
        return f"Confirmation hearing: {self.candidate}, {self.get_post_display()}"

    def get_absolute_url(self):
        if self.kind == self.Kind.PRECEPT:
            return reverse("casework:precept", kwargs={"year": self.year})
        if self.kind == self.Kind.ANNUAL_REPORT:
            return reverse("casework:annual_report", kwargs={"year": self.year})
        return reverse("casework:hearing", kwargs={"pk": self.pk})

    def get_manage_url(self):
        return reverse("casework_manage:case", kwargs={"pk": self.pk})

    @property
    def year_label(self):
        return financial_year_label(self.year)

    @property
    def document_type(self):
        return SEARCH_KINDS[self.kind]

    def search_year(self):
        return self.year

    def publication_data(self):
        """The case and its steps as the public will read them, frozen in its version: each
        step with the name and checksum of its cleaned document, which is served only while a
        public version names it."""
        from ..records import case_record

        return case_record(self)

    def publication_text(self):
        """What search finds: the title, the summary, each step and the text of its cleaned
        document."""
        from ..records import record_text

        return record_text(self)


class Step(models.Model):
    """A dated step of a case: a proposal, a hearing, a report, a response, the final precept.
    Its document is public with the case; the file as uploaded never is."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", "Proposal notified to the Panel"
        HEARING = "hearing", "Public meeting"
        REPORT = "report", "The Panel's report"
        REVISED = "revised", "Revised precept and response to the veto"
        SECOND_REPORT = "second_report", "The Panel's second report"
        RESPONSE = "response", "The Commissioner's response"
        FINAL = "final", "Precept issued"

    class Outcome(models.TextChoices):
        SUPPORTED = "supported", "Supported"
        RECOMMENDATIONS = "recommendations", "Recommendations made"
        NOT_SUPPORTED = "not_supported", "Not supported"
        VETOED = "vetoed", "Vetoed"
        ACCEPTED = "accepted", "The Panel's recommendations accepted"
        REJECTED = "rejected", "The Panel's recommendations not accepted"

    class VetoDirection(models.TextChoices):
        TOO_HIGH = "too_high", "Too high"
        TOO_LOW = "too_low", "Too low"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=Kind)
    date = models.DateField()
    summary = models.TextField(blank=True)
    amount = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The precept for a Band D property, in pounds.",
    )
    outcome = models.CharField(max_length=20, choices=Outcome, blank=True)
    veto_direction = models.CharField(
        max_length=10, choices=VetoDirection, blank=True, help_text="Why a precept was vetoed."
    )
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(null=True, blank=True)
    members_in_office = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Members of the Panel at the time of the vote."
    )
    document_title = models.CharField(max_length=300, blank=True)
    document = models.FileField(
        upload_to="casework/documents/", storage=private_storage, blank=True
    )
    original_document = models.FileField(
        upload_to="casework/originals/", storage=private_storage, blank=True
    )
    document_removed = models.JSONField(
        default=list, blank=True, help_text="What cleaning took out of the uploaded file."
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "kind"], name="casework_one_step_of_each_kind"),
        ]

    def __str__(self):
        return f"{self.label} ({self.date:%-d %B %Y})"

    @property
    def label(self):
        return STEP_LABELS.get(self.case.kind, {}).get(self.kind, self.get_kind_display())

    def get_document_url(self):
        return reverse("casework:document", kwargs={"pk": self.pk}) if self.document else ""


# What each step is called in each kind of case (and which steps a kind of case has).
STEP_LABELS = {
    Case.Kind.PRECEPT: {
        Step.Kind.PROPOSAL: "Proposed precept notified to the Panel",
        Step.Kind.HEARING: "The Panel's precept meeting",
        Step.Kind.REPORT: "The Panel's report on the proposed precept",
        Step.Kind.REVISED: "Revised precept and the Commissioner's response to the veto",
        Step.Kind.SECOND_REPORT: "The Panel's report on the revised precept",
        Step.Kind.RESPONSE: "The Commissioner's response to the Panel's report",
        Step.Kind.FINAL: "Precept issued",
    },
    Case.Kind.CONFIRMATION: {
        Step.Kind.PROPOSAL: "Proposed appointment notified to the Panel",
        Step.Kind.HEARING: "Public confirmation hearing",
        Step.Kind.REPORT: "The Panel's report and recommendation",
        Step.Kind.RESPONSE: "The Commissioner's response",
    },
    Case.Kind.ANNUAL_REPORT: {
        Step.Kind.PROPOSAL: "Annual report sent to the Panel",
        Step.Kind.HEARING: "Public meeting reviewing the report",
        Step.Kind.REPORT: "The Panel's report or recommendations",
        Step.Kind.RESPONSE: "The Commissioner's response",
    },
}
