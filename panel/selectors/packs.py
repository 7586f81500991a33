"""Reads of a meeting's agenda packs: the live build and its agenda, the pack's versions,
what was withdrawn from it, and how far a build has got."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch

from pcc_portal.publications.models import Version

from ..models import (
    AgendaPack,
    Minutes,
    PackBuild,
    PackItem,
    PackPaper,
    PaperRender,
    PaperWithdrawal,
)


class WithdrawnFromPacks:
    """What no public pack of ``meeting`` may carry (read in two queries): content withdrawn
    from its packs, and versions of documents withdrawn elsewhere in the portal.
    Call it with a paper's render id and source version id."""

    def __init__(self, meeting, version_ids):
        self.renders = set(
            PaperWithdrawal.objects.filter(meeting=meeting).values_list("render_id", flat=True)
        )
        self.versions = set(
            Version.objects.withdrawn()
            .filter(pk__in=[pk for pk in version_ids if pk])
            .values_list("pk", flat=True)
        )

    def __call__(self, render_id, version_id):
        return render_id in self.renders or version_id in self.versions


def _pack(meeting):
    """The meeting's agenda pack, if any, read once per meeting object."""
    if not hasattr(meeting, "_agenda_pack"):
        meeting._agenda_pack = AgendaPack.objects.filter(meeting=meeting).first()
    return meeting._agenda_pack


def live_build(*, meeting):
    """The pack build behind the meeting's latest published pack version, if any."""
    pack = _pack(meeting)
    if pack is None:
        return None
    version = Version.objects.latest_ready_for(pack)
    builds = PackBuild.objects.select_related("version", "meeting").annotate(
        has_withheld=Exists(PackPaper.objects.filter(item__build=OuterRef("pk"), withheld=True)),
        has_exempt=Exists(PackItem.objects.filter(build=OuterRef("pk"), exempt=True)),
    )
    return builds.filter(version=version).first() if version else None


def agenda(*, build, user):
    """The frozen agenda of ``build`` with the papers ``user`` may see (exempt ones are stubs)."""
    if build is None:
        return []
    papers = PackPaper.objects.visible_to(user).select_related("render").order_by("position")
    items = list(
        PackItem.objects.filter(build=build)
        .select_related("minutes_of")
        .order_by("number")
        .prefetch_related(Prefetch("papers", queryset=papers, to_attr="visible_papers"))
    )
    for item in items:
        item.build = build  # papers' links name the meeting through their item's build
    return items


def pack_versions(*, meeting):
    pack = _pack(meeting)
    if pack is None:
        return []
    return list(
        Version.objects.for_object(pack).public().select_related("pack_build").order_by("-number")
    )


def withdrawal_actions(*, meeting):
    """For the staff meeting page: the public pack's papers (each may be withdrawn), where to
    withdraw the whole pack, and what has been withdrawn."""
    from django.urls import reverse

    pack = AgendaPack.objects.filter(meeting=meeting).first()
    build = live_build(meeting=meeting)
    papers = []
    if build is not None:
        papers = list(
            PackPaper.objects.public()
            .filter(item__build=build)
            .select_related("item")
            .order_by("item__number", "position")
        )
    withdraw_url = ""
    if build is not None:
        withdraw_url = reverse(
            "publications_manage:withdraw",
            kwargs={"content_type_id": ContentType.objects.get_for_model(pack).pk, "pk": pack.pk},
        )
    return {
        "public_papers": papers,
        "pack_withdraw_url": withdraw_url,
        "pack_withdrawal": pack.withdrawal() if pack and build is None else None,
        "paper_withdrawals": list(meeting.paper_withdrawals.all()),
    }


def withdrawals(*, meeting, build, minutes_version):
    """What the meeting page tells the public was withdrawn: the whole pack (when no version is
    public), papers taken out of the pack, and the minutes."""
    pack = AgendaPack.objects.withdrawn().filter(meeting=meeting).first() if not build else None
    minutes = None
    if minutes_version is None:
        minutes = Minutes.objects.withdrawn().filter(meeting=meeting).first()
    return {
        "pack_withdrawal": pack.withdrawal() if pack else None,
        "paper_withdrawals": list(meeting.paper_withdrawals.all())
        if build and build.has_withheld
        else [],
        "minutes_withdrawal": minutes.withdrawal() if minutes else None,
    }


def untagged_papers(*, build):
    """The titles of ``build``'s papers without tags, which stop its packs being accessible:
    ``{"public": [...], "members": [...]}`` (exempt papers are only in the members' pack)."""
    if build is None:
        return {"public": [], "members": []}
    untagged = PackPaper.objects.filter(item__build=build, render__tagged=False).order_by(
        "item__number", "position"
    )
    return {
        "public": list(untagged.public().values_list("title", flat=True)),
        "members": list(untagged.values_list("title", flat=True)),
    }


def pack_progress(*, build):
    """How far a pack build has gone: its papers rendered (or already in the cache) of all of
    them, for the meeting page while it is built."""
    if build is None:
        return {"rendered": 0, "total": 0}
    renders = PaperRender.objects.filter(pack_papers__item__build=build).distinct()
    return {
        "rendered": renders.filter(status=PaperRender.Status.READY).count(),
        "total": renders.count(),
    }
