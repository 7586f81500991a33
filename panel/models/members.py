"""The panel itself, its members and its task and finish groups. (Complaints about the
Commissioner and the Deputy are the casework's: ``casework.Complaint``.)"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.terms import ends_after_it_starts, in_force_on


class Panel(models.Model):
    name = models.CharField(
        max_length=200, help_text="For example “Police & Crime Panel for Lancashire”."
    )
    host_authority = models.CharField(
        max_length=200, help_text="The council that supports the panel and employs its secretary."
    )
    secretary_name = models.CharField(max_length=200)
    secretary_email = models.EmailField()
    secretary_phone = models.CharField(max_length=50, blank=True)

    history = HistoricalRecords()

    def __str__(self):
        return self.name


class MemberQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(in_force_on(on, start="term_start", end="term_end"))

    def sitting_for(self, user, meeting, on=None):
        """``user``'s memberships, in office ``on`` (today), that give them the members' papers
        of ``meeting``: of the meeting's panel and, for a task and finish group's meeting, of
        that group. The public and unlinked accounts have none."""
        if not user.is_authenticated:
            return self.none()
        sitting = self.current(on).filter(user=user, panel=meeting.panel_id)
        if meeting.group_id:
            sitting = sitting.filter(groups=meeting.group_id)
        return sitting


class Member(models.Model):
    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", "Councillor"
        INDEPENDENT = "independent", "Independent co-opted member"

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"

    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="members")
    name = models.CharField(
        max_length=200, help_text="As the minutes print it, e.g. “Jackie Oakes”."
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.COUNCILLOR)
    council = models.CharField(
        max_length=200, blank=True, help_text="The council that appointed a councillor member."
    )
    role = models.CharField(max_length=20, choices=Role, default=Role.MEMBER)
    political_group = models.CharField(
        max_length=100,
        blank=True,
        help_text="For a councillor: their party or group, e.g. “Labour”. The panel's "
        "political balance is counted from it.",
    )
    substitutes = models.CharField(
        max_length=500,
        blank=True,
        help_text="The councillors their council named to substitute for them, e.g. "
        "“Councillor Jean Rigby, Councillor Ian Moran”.",
    )
    term_start = models.DateField()
    term_end = models.DateField(null=True, blank=True, help_text="Leave empty while serving.")
    email = models.EmailField(blank=True, help_text="Agenda packs are emailed here when published.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="panel_memberships",
        verbose_name="Their account",
        help_text="The account they sign in with: while in office it reads the exempt papers of "
        "the meetings of this panel, and of the task and finish groups they sit on.",
    )

    history = HistoricalRecords()
    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            ends_after_it_starts(
                start="term_start", end="term_end", name="member_term_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="councillor") | ~models.Q(council=""),
                name="councillor_member_names_council",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.COUNCILLOR:
            return f"Councillor {self.name}"
        return self.name

    def get_absolute_url(self):
        return reverse("panel:member", kwargs={"pk": self.pk})

    @property
    def surname(self):
        return self.name.split()[-1]

    @property
    def membership(self):
        """Their council and group, or that they are co-opted, as the members' list shows it."""
        if self.kind == self.Kind.INDEPENDENT:
            return self.get_kind_display()
        return ", ".join(part for part in (self.council, self.political_group) if part)


class TaskAndFinishGroup(models.Model):
    class Status(models.TextChoices):
        FORMING = "forming", "Looking for members"
        ACTIVE = "active", "Working"
        REPORTED = "reported", "Reported back"
        CLOSED = "closed", "Closed"

    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="groups")
    title = models.CharField(max_length=200)
    scope = models.TextField(blank=True, help_text="What the group looks into.")
    members = models.ManyToManyField(Member, blank=True, related_name="groups")
    status = models.CharField(max_length=20, choices=Status, default=Status.FORMING)
    report_back_by = models.DateField(null=True, blank=True)
    report_back_to = models.ForeignKey(
        "panel.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_reports",
        help_text="The meeting that receives the group's report.",
    )

    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title
