"""Reads for the panel's public and staff pages."""

from django.db.models import Prefetch

from pcc_portal.publications.models import Version

from .models import AgendaPack, Meeting, Minutes, PackBuild, PackItem, PackPaper


def live_build(meeting):
    """The pack build behind the meeting's latest published pack version, if any."""
    pack = AgendaPack.objects.filter(meeting=meeting).first()
    if pack is None:
        return None
    version = Version.objects.latest_ready_for(pack)
    builds = PackBuild.objects.select_related("version", "meeting")
    return builds.filter(version=version).first() if version else None


def agenda(build, user):
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


def pack_versions(meeting):
    pack = AgendaPack.objects.filter(meeting=meeting).first()
    if pack is None:
        return []
    return list(
        Version.objects.for_object(pack).ready().select_related("pack_build").order_by("-number")
    )


def published_minutes(meeting):
    minutes = Minutes.objects.public().filter(meeting=meeting).first()
    return (minutes, Version.objects.latest_ready_for(minutes)) if minutes else (None, None)


def meeting_by_date(date, user):
    return Meeting.objects.visible_to(user).select_related("panel").filter(date=date).first()


def untagged_papers(build):
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
