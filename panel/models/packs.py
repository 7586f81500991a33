"""Agenda packs: the front sheet and agenda, then every paper, as one numbered, tagged PDF.

Why a pack is published this way: a pack's PDF is *assembled* (papers rendered separately, page
ranges counted, agenda rendered with them, structure trees merged, pages stamped), not rendered
from one HTML document, so the publications render job cannot make it. A pack still is a
publication like any other: ``AgendaPack`` (one per meeting) is ``Publishable``, and each
publication of it is a ``publications.Version`` (numbered, with its change note, who, when,
frozen agenda HTML and text for search, the public PDF, checksum), so the public and staff see
packs exactly as they see every other document. The pack's own ``PackBuild`` (one per version)
replaces the render job, with the same guarantees (claim, heartbeat, retries, dead state): it
records the frozen agenda (``PackItem``/``PackPaper``), the members' PDF with the exempt papers
(never the version's public PDF), and the build's progress and error.

``PaperRender`` is the cache: one row per frozen paper (its content hash), holding the paper's
PDF, page count and whether it is tagged, so a rebuild renders only the papers that changed.
"""

from datetime import timedelta

from django.db import models
from django.urls import reverse

from pcc_portal.publications.models import (
    Publishable,
    Version,
    WithdrawalNotice,
    WorkerJob,
    WorkerJobQuerySet,
    attempts_within_cap,
    private_storage,
)
from pcc_portal.visibility import VisibilityQuerySet


class AgendaPack(Publishable):
    document_type = "panel-pack"
    # A pack's versions are made by panel.services.packs, not by publications.publish.
    # A version's text is its public papers' text (uploaded PDFs' read once, on upload).
    search_reads_pdf = False
    page_template = "panel/pack_body.html"
    document_template = "panel/pack_document.html"

    meeting = models.OneToOneField("panel.Meeting", on_delete=models.PROTECT, related_name="pack")

    class Meta:
        permissions = [("publish_agendapack", "Can publish agenda packs")]

    def __str__(self):
        return f"Agenda pack for {self.meeting}"

    def publication_title(self):
        meeting = self.meeting
        return f"Agenda pack: {meeting.panel.name}, {meeting.date:%-d %B %Y}"

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()

    def get_manage_url(self):
        return self.meeting.get_manage_url()

    def get_preview_url(self):
        return ""  # the check page before publishing lists every item and paper itself

    def live_build(self):
        version = self.live_version()
        return getattr(version, "pack_build", None) if version else None


class PaperRender(models.Model):
    """One paper's PDF as it appears in packs, cached by the hash of what it was made from."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to render"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    key = models.CharField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    document_html = models.TextField(blank=True, help_text="For a report: what to render.")
    text = models.TextField(blank=True, help_text="Plain text, for search (public papers only).")
    estimated_size = models.PositiveIntegerField(default=0, help_text="For longest-first ordering.")
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    pdf = models.FileField(upload_to="panel/papers/", storage=private_storage, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    tagged = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="ready")
                | (~models.Q(pdf="") & models.Q(page_count__isnull=False)),
                name="ready_paper_render_has_pdf",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display().lower()})"


class PackBuildQuerySet(WorkerJobQuerySet):
    def published(self):
        """Builds that finished: the packs as published, withdrawn versions included (the
        meeting's members keep their papers)."""
        return self.filter(status=self.model.Status.READY)


class PackBuild(WorkerJob):
    """One publication of a pack: the frozen agenda, and the job that assembles its PDFs.

    The build has the render jobs' guarantees (``WorkerJob``): it is claimed under a row lock
    when it starts and again when it is assembled, so two workers never assemble it; it beats
    while its papers render and while it is assembled, so the stall sweep restarts only a build
    whose worker died; a failed attempt is retried after a backoff up to a cap, then the build
    is dead with its reason for staff, who may build it again."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RENDERING = "rendering", "Rendering papers"
        ASSEMBLING = "assembling", "Assembling"
        READY = "ready", "Published"
        FAILED = "failed", "Failed, will retry"
        DEAD = "dead", "Failed"

    RUNNING_STATUSES = (Status.RENDERING, Status.ASSEMBLING)
    WAITING_STATUSES = (Status.QUEUED, Status.FAILED)
    FINISHED_STATUSES = (Status.READY, Status.DEAD)
    # Papers wait in the queue behind other work without beating: allow for that.
    STALL_AFTER = timedelta(minutes=5)

    version = models.OneToOneField(Version, on_delete=models.PROTECT, related_name="pack_build")
    meeting = models.ForeignKey(
        "panel.Meeting", on_delete=models.PROTECT, related_name="pack_builds"
    )
    supplementary = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status, default=Status.QUEUED)
    members_pdf = models.FileField(upload_to="panel/packs/", storage=private_storage, blank=True)
    members_page_count = models.PositiveIntegerField(null=True, blank=True)
    members_sha256 = models.CharField(max_length=64, blank=True)
    front_page_count = models.PositiveIntegerField(null=True, blank=True)
    tagged = models.BooleanField(
        default=False, help_text="The public pack is tagged throughout, and says it is PDF/UA."
    )
    members_tagged = models.BooleanField(
        default=False, help_text="The members' pack is tagged throughout, and says it is PDF/UA."
    )
    papers_rendered = models.PositiveIntegerField(default=0)
    assembly_seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PackBuildQuerySet.as_manager()

    class Meta:
        ordering = ["-version__number"]
        constraints = [attempts_within_cap("pack_build_attempts_within_cap")]

    def __str__(self):
        return f"{self.version} ({self.get_status_display().lower()})"

    def get_members_pdf_url(self):
        return reverse(
            "panel:members_pack_version",
            kwargs={"date": self.meeting.slug, "number": self.version.number},
        )


class PackItem(models.Model):
    """An agenda item as it stood when the pack was published."""

    build = models.ForeignKey(PackBuild, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True)
    description_html = models.TextField(blank=True)
    exempt = models.BooleanField(default=False)
    exempt_reason = models.CharField(max_length=300, blank=True)
    minutes_of = models.ForeignKey(
        "panel.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["build", "number"]
        constraints = [
            models.UniqueConstraint(fields=["build", "number"], name="unique_pack_item_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class PackPaperQuerySet(VisibilityQuerySet):
    def public(self):
        """Papers in the public pack: not exempt, and not withheld because withdrawn."""
        return self.filter(item__exempt=False, withheld=False)

    def in_published_packs(self):
        """Papers of packs that finished building, for the public or only the members."""
        return self.filter(item__build__status=PackBuild.Status.READY)

    def published(self):
        """Public papers of a pack version the public can read: ready and not withdrawn."""
        versions = Version.objects.public().filter(pk=models.OuterRef("item__build__version"))
        return self.public().filter(models.Exists(versions))

    def visible_to(self, user):
        """Public papers, and every paper of the meetings whose members' papers ``user`` may
        read (their exempt papers and those withdrawn from the public pack)."""
        from .meetings import Meeting

        meetings = Meeting.objects.with_members_papers_for(user)
        return self.public() | self.filter(item__build__meeting__in=meetings.values("pk"))


class PackPaper(models.Model):
    """A paper in a published pack, with the pages it has there (the members' pack numbering,
    which the public pack keeps: exempt pages are left out, not renumbered)."""

    item = models.ForeignKey(PackItem, on_delete=models.CASCADE, related_name="papers")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20)
    late = models.BooleanField(default=False)
    render = models.ForeignKey(PaperRender, on_delete=models.PROTECT, related_name="pack_papers")
    source_version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    report = models.ForeignKey(
        "panel.Report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pack_papers",
        help_text="The report this paper was frozen from, for a report written in the portal.",
    )
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    withheld = models.BooleanField(
        default=False,
        help_text="Withdrawn from the public: left out of the public pack (its page numbers "
        "skipped, as an exempt paper's are), kept in the members' pack.",
    )

    objects = PackPaperQuerySet.as_manager()

    class Meta:
        ordering = ["item__number", "position"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "panel:paper_pdf",
            kwargs={"date": self.item.build.meeting.slug, "pk": self.pk},
        )

    @property
    def page_range(self):
        if self.first_page is None:
            return ""
        if self.first_page == self.last_page:
            return str(self.first_page)
        return f"{self.first_page} - {self.last_page}"


class PaperWithdrawalQuerySet(models.QuerySet):
    def withholding(self, paper):
        """The withdrawal that keeps frozen ``paper`` out of its meeting's public pack."""
        return self.filter(meeting=paper.item.build.meeting_id, render=paper.render_id).first()


class PaperWithdrawal(WithdrawalNotice):
    """A paper taken out of a meeting's public pack, with the reason the public is told.

    The paper is known by its content (``render``): a pack published later never carries that
    content to the public again, while the members' pack keeps it, as it keeps exempt papers.
    Made by staff for one paper, or for a published document withdrawn elsewhere in the portal
    that the pack carried."""

    meeting = models.ForeignKey(
        "panel.Meeting", on_delete=models.PROTECT, related_name="paper_withdrawals"
    )
    render = models.ForeignKey(PaperRender, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=300)

    objects = PaperWithdrawalQuerySet.as_manager()

    class Meta:
        ordering = ["withdrawn_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "render"], name="one_withdrawal_per_paper_and_meeting"
            )
        ]

    def __str__(self):
        return f"Withdrawal of “{self.title}” ({self.withdrawn_at:%d %b %Y})"
