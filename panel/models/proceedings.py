"""What happened at a meeting: attendance, declarations of interest, public questions, minutes
per item with their resolutions. ``Minutes`` publishes them as one document per meeting."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.models import Publishable, Version


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        SUBSTITUTED = "substituted", "Substituted"
        IN_ATTENDANCE = "in_attendance", "Also in attendance"

    meeting = models.ForeignKey(
        "panel.Meeting", on_delete=models.CASCADE, related_name="attendance"
    )
    member = models.ForeignKey(
        "panel.Member", null=True, blank=True, on_delete=models.PROTECT, related_name="attendance"
    )
    name = models.CharField(
        max_length=200, blank=True, help_text="For someone who is not a member: their name."
    )
    capacity = models.CharField(
        max_length=200,
        blank=True,
        help_text="For someone who is not a member: their role, e.g. “Deputy Commissioner”.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PRESENT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "status", "member__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"],
                condition=models.Q(member__isnull=False),
                name="one_attendance_per_member",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(member__isnull=False, name="") & ~models.Q(status="in_attendance")
                )
                | models.Q(member__isnull=True, status="in_attendance") & ~models.Q(name=""),
                name="attendance_is_a_member_or_a_named_visitor",
            ),
        ]

    def __str__(self):
        who = str(self.member) if self.member_id else self.name
        return f"{who}: {self.get_status_display().lower()}"


class Declaration(models.Model):
    """A member's declaration of an interest in the item it concerns, as the minutes print it."""

    class Interest(models.TextChoices):
        DISCLOSABLE_PECUNIARY = "disclosable_pecuniary", "Disclosable pecuniary interest"
        OTHER_REGISTRABLE = "other_registrable", "Other registrable interest"
        NON_REGISTRABLE = "non_registrable", "Non-registrable interest"

    meeting = models.ForeignKey(
        "panel.Meeting", on_delete=models.CASCADE, related_name="declarations"
    )
    member = models.ForeignKey(
        "panel.Member", on_delete=models.PROTECT, related_name="declarations"
    )
    item = models.ForeignKey(
        "panel.AgendaItem", on_delete=models.CASCADE, related_name="declarations"
    )
    interest = models.CharField(
        "Kind of interest",
        max_length=30,
        choices=Interest,
        help_text="As the members' code of conduct classes it.",
    )
    nature = models.CharField(
        max_length=500, help_text="What the interest is, e.g. “a trustee of a charity bidding”."
    )
    withdrew = models.BooleanField(
        "They left the meeting for this item",
        default=False,
        help_text="The member withdrew from the room and took no part in the item.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["item__number", "member__name"]

    def __str__(self):
        return f"{self.member} on item {self.item.number}: {self.nature}"

    @property
    def minuted(self):
        """The sentence the minutes print."""
        kind = self.get_interest_display().lower()
        article = "an" if kind[0] in "aeiou" else "a"
        text = (
            f"{self.member} declared {article} {kind} in item "
            f"{self.item.number}, {self.item.title}: {self.nature.rstrip('.')}."
        )
        if self.withdrew:
            return text + " They left the meeting for that item and took no part in it."
        return text + " They stayed and took part."


class PublicQuestion(models.Model):
    meeting = models.ForeignKey(
        "panel.Meeting", on_delete=models.CASCADE, related_name="public_questions"
    )
    asker = models.CharField(max_length=200)
    name_withheld = models.BooleanField(
        default=False, help_text="Publish “A member of the public” instead of the name."
    )
    question = models.TextField()
    answer = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self):
        return f"Question from {self.public_asker}"

    @property
    def public_asker(self):
        return "A member of the public" if self.name_withheld else self.asker


class Resolution(models.Model):
    item = models.ForeignKey(
        "panel.AgendaItem", on_delete=models.CASCADE, related_name="resolutions"
    )
    position = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(help_text="What was resolved, after “RESOLVED -”.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "position", "pk"]

    def __str__(self):
        return f"RESOLVED - {self.text}"


class Minutes(Publishable):
    """The minutes of one meeting, published as a document; the next meeting approves them."""

    document_type = "panel-minutes"
    page_template = "panel/minutes_body.html"
    document_template = "panel/minutes_document.html"

    meeting = models.OneToOneField(
        "panel.Meeting", on_delete=models.PROTECT, related_name="minutes_record"
    )
    approved_at = models.ForeignKey(
        "panel.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_minutes",
        help_text="The meeting that agreed them as a correct record.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "minutes"
        permissions = [("publish_minutes", "Can publish minutes")]

    def __str__(self):
        return f"Minutes of the meeting held on {self.meeting.date:%-d %B %Y}"

    def publication_context(self):
        meeting = self.meeting
        attendance = list(meeting.attendance.select_related("member"))
        items = list(meeting.items.prefetch_related("resolutions"))
        declarations = list(
            meeting.declarations.select_related("member", "item").order_by(
                "item__number", "member__name", "pk"
            )
        )
        return {
            "meeting": meeting,
            "panel": meeting.panel,
            "present": [a for a in attendance if a.status == Attendance.Status.PRESENT],
            "apologies": [a for a in attendance if a.status == Attendance.Status.APOLOGIES],
            "absent": [a for a in attendance if a.status == Attendance.Status.ABSENT],
            "substituted": [a for a in attendance if a.status == Attendance.Status.SUBSTITUTED],
            "in_attendance": [a for a in attendance if a.status == Attendance.Status.IN_ATTENDANCE],
            # Exempt items are minuted in a separate Part 2 record that is never published.
            "items": [item for item in items if not item.exempt],
            "exempt_items": [item for item in items if item.exempt],
            "questions": list(meeting.public_questions.all()),
            # Every declaration, whichever item it was recorded against, with that item.
            "declarations": declarations,
            "has_declarations_item": any(
                item.kind == item.Kind.DECLARATIONS for item in items if not item.exempt
            ),
        }

    def publication_text(self):
        context = self.publication_context()
        lines = [str(self)]
        lines.extend(declaration.minuted for declaration in context["declarations"])
        for item in context["items"]:
            lines.append(f"{item.number}. {item.title}")
            lines.append(markdown_to_text(item.minutes))
            lines.extend(f"RESOLVED - {r.text}" for r in item.resolutions.all())
        return "\n".join(lines)

    def get_absolute_url(self):
        return self.meeting.get_absolute_url() + "#minutes"

    def get_pdf_url(self):
        return reverse("panel:minutes_pdf", kwargs={"date": self.meeting.slug})

    def get_manage_url(self):
        return reverse("panel_manage:minutes", kwargs={"pk": self.meeting_id})


class ExemptMinutes(models.Model):
    """The minutes of a meeting's exempt (Part 2) items, frozen with the version of its minutes
    they were published with. Only the members who sit for the meeting, while in office, and the
    panel's staff read them, on the meeting's page; they are never public."""

    version = models.OneToOneField(Version, on_delete=models.PROTECT, related_name="exempt_minutes")
    html = models.TextField()

    class Meta:
        verbose_name_plural = "exempt minutes"

    def __str__(self):
        return f"Exempt minutes of {self.version}"


class MinutedAttendance(models.Model):
    """A member's attendance as one version of a meeting's minutes published it: what their
    public page counts, so an edit to the draft proceedings changes nothing public."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey("panel.Meeting", on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(
        "panel.Member", on_delete=models.PROTECT, related_name="minuted_attendance"
    )
    status = models.CharField(max_length=20, choices=Attendance.Status)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "member"], name="one_minuted_attendance_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member}: {self.get_status_display().lower()} ({self.version})"


class MinutedDeclaration(models.Model):
    """A declaration of interest as one version of a meeting's minutes published it."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey("panel.Meeting", on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(
        "panel.Member", on_delete=models.PROTECT, related_name="minuted_declarations"
    )
    item_number = models.PositiveSmallIntegerField()
    item_title = models.CharField(max_length=300)
    interest = models.CharField(max_length=30, choices=Declaration.Interest)
    nature = models.CharField(max_length=500)
    withdrew = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting__date", "item_number"]

    def __str__(self):
        return f"{self.member} on item {self.item_number} ({self.version})"
