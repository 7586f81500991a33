"""Reads for the publishing panel that every staff object page shows, and for the check page
that every publication goes through."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max
from django.template.loader import render_to_string
from django.urls import reverse

from pcc_portal.links import portal_url

from . import diff
from .forms import WithdrawForm
from .models import RenderJob, Version, Withdrawal


def publishing_panel(*, obj, user, publish_url, publish_permission):
    """The panel's context. ``publish_url`` is the check page, which has the publish form."""
    versions = list(
        Version.objects.for_object(obj)
        .select_related("published_by")
        .annotate(is_withdrawn=Exists(Withdrawal.objects.covering_outer_version()))
    )
    latest_job = (
        RenderJob.objects.filter(version__in=[v.pk for v in versions])
        .select_related("version")
        .order_by("-version__number")
        .first()
    )
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    withdraw_url = reverse(
        "publications_manage:withdraw",
        kwargs={"content_type_id": content_type.pk, "pk": obj.pk},
    )
    return {
        "versions": versions,
        "latest_job": latest_job,
        "can_publish": user.has_perm(publish_permission),
        "publish_url": publish_url,
        "withdrawal": obj.withdrawal(),
        "withdraw_form": WithdrawForm(action=withdraw_url),
    }


@dataclass
class Part:
    """One part of what publishing releases, as the check page lists it."""

    title: str
    group: str = ""  # what it belongs to: an agenda pack's item
    detail: str = ""  # what it is, for example "Uploaded PDF, 4 pages"
    members_only: str = ""  # why the public does not get it; empty when it is public
    pdf: bool = True
    tagged: bool | None = None  # a PDF is tagged (and so accessible), or not; None: not known
    new: bool = False  # not in the version the public was last given


@dataclass
class Review:
    """What publishing ``obj`` now would release: the check page's contents."""

    title: str
    public_url: str
    number: int  # the version it becomes
    live_number: int | None  # the version the public sees now
    last_number: int | None  # the version last released, to say what is new since
    preview_url: str
    parts: list = field(default_factory=list)
    claims: list = field(default_factory=list)  # what the released PDFs say of themselves
    notes: list = field(default_factory=list)
    # What changes against the live version, line by line (``diff.Line``); None when nothing
    # of it is public to compare with.
    changes: list | None = None
    # The tables of the page that change (``diff.TableChange``): rows and cells.
    table_changes: list = field(default_factory=list)

    @property
    def public_parts(self):
        return [part for part in self.parts if not part.members_only]

    @property
    def members_parts(self):
        return [part for part in self.parts if part.members_only]

    @property
    def grouped(self):
        return any(part.group for part in self.parts)


def review(*, obj, parts=None, claims=None, notes=(), last_number=None):
    """The check page for publishing ``obj``: its title, where the public will find it, the
    version it becomes, the staff preview, and its parts (by default the page and its PDF,
    which the renderer always tags)."""
    versions = Version.objects.for_object(obj) if obj.pk else Version.objects.none()
    top = versions.aggregate(top=Max("number"))["top"] or 0
    live = obj.live_version() if obj.pk else None
    public_url = portal_url(obj.get_absolute_url())
    if parts is None:
        parts = [Part(title="The page and its PDF", detail=public_url, tagged=True)]
    if claims is None:
        claims = ["The PDF is tagged throughout and says it is PDF/UA (accessible)."]
    if last_number is None:
        last_number = versions.ready().aggregate(top=Max("number"))["top"]
    changes, table_changes = None, []
    if live is not None:
        if live.kind == Version.Kind.RECORD:
            changes = diff.record_changes(live.data, obj.publication_data())
        else:
            # The page as the public reads it, tables compared apart: a changed cell is
            # shown once, in its table, not again as a line of text.
            page_html = _page_html(obj)
            changes = diff.page_changes(live.html, page_html)
            table_changes = diff.table_changes(live.html, page_html)
    return Review(
        title=obj.publication_title(),
        public_url=public_url,
        number=top + 1,
        live_number=live.number if live else None,
        last_number=last_number,
        preview_url=obj.get_preview_url(),
        parts=parts,
        claims=claims,
        notes=list(notes),
        changes=changes,
        table_changes=table_changes,
    )


def _page_html(obj):
    """The page body publishing ``obj`` now would freeze (as ``services.freeze`` renders it),
    whose text and tables the check page compares with the live version's."""
    return render_to_string(obj.page_template, {"object": obj, **obj.publication_context()})
