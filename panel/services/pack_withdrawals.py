"""Withdrawing papers from public packs: the versions that carried them are withdrawn and the
live pack is built again without them; the members' pack keeps them."""

from django.db import transaction

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from pcc_portal.publications.services import NothingToPublish

from ..models import Meeting, PackPaper, PaperWithdrawal
from ..selectors import WithdrawnFromPacks
from .pack_publishing import (
    PackInProgress,
    _freeze_item,
    _freeze_paper,
    _in_progress,
    _new_version,
    _start,
)


@transaction.atomic
def withdraw_paper(*, paper, by, reason):
    """Take one paper of a published pack off the public site, with the reason the public is
    told. Every public pack version that carried it is withdrawn (its PDFs and papers answer 410
    with the notice) and a new version, the live one's agenda without the paper, is built and
    published. The members' pack keeps the paper; no public pack of this meeting carries its
    content again."""
    reason = (reason or "").strip()
    if not reason:
        raise NothingToPublish("Say why it is being withdrawn: the reason is required.")
    meeting = Meeting.objects.select_for_update().get(pk=paper.item.build.meeting_id)
    if _in_progress(meeting):
        raise PackInProgress("A pack for this meeting is still being built: wait for it to finish.")
    carrying = PackPaper.objects.published().filter(
        item__build__meeting=meeting, render=paper.render_id
    )
    if not carrying.exists():
        if PaperWithdrawal.objects.withholding(paper):
            raise InvalidTransition(f"“{paper.title}” was already withdrawn from the public pack.")
        raise InvalidTransition(f"“{paper.title}” is not in a public pack, so cannot be withdrawn.")
    return _take_out(meeting, carrying, by=by, reason=reason)


def withdraw_carried_versions(*, withdrawal):
    """A published document was withdrawn elsewhere in the portal: take it out of every public
    pack that carried one of the withdrawn versions, in the same transaction."""
    versions = Version.objects.filter(
        content_type=withdrawal.content_type_id,
        object_id=withdrawal.object_id,
        number__lte=withdrawal.up_to_number,
    )
    carrying = PackPaper.objects.published().filter(source_version__in=versions)
    for meeting_id in sorted(set(carrying.values_list("item__build__meeting", flat=True))):
        meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
        _take_out(
            meeting,
            carrying.filter(item__build__meeting=meeting),
            by=withdrawal.withdrawn_by,
            reason=withdrawal.reason,
        )


def _take_out(meeting, carrying, *, by, reason):
    """Withdraw the papers ``carrying`` (public papers of ``meeting``'s packs) and the pack
    versions up to the newest that carried them; rebuild the live one without them."""
    carrying = list(carrying.select_related("item__build__version", "render"))
    titles = []
    for paper in carrying:
        _, created = PaperWithdrawal.objects.get_or_create(
            meeting=meeting,
            render=paper.render,
            defaults={"title": paper.title, "reason": reason, "withdrawn_by": by},
        )
        if created:
            titles.append(f"“{paper.title}”")
    named = " and ".join(titles) or "A paper"
    live = meeting.pack.live_build()
    up_to = max(paper.item.build.version.number for paper in carrying)
    withdrawal = publishing.withdraw(
        obj=meeting.pack,
        by=by,
        reason=f"{named} withdrawn from the pack: {reason}",
        up_to_number=up_to,
    )
    # A pack being built now checks for withdrawn papers before it is published.
    if live is not None and live.version.number <= up_to and not _in_progress(meeting):
        _republish_without_withdrawn(live, by=by, note=f"{named} withdrawn: {reason}")
    return withdrawal


def _republish_without_withdrawn(build, *, by, note):
    """The next version of ``build``'s pack: the same frozen agenda, withdrawn papers withheld
    (never the draft agenda, which may hold changes nobody has published)."""
    meeting = build.meeting
    version, new = _new_version(
        meeting=meeting, pack=meeting.pack, by=by, note=note, supplementary=build.supplementary
    )
    items = list(build.items.order_by("number").prefetch_related("papers"))
    withdrawn = WithdrawnFromPacks(
        meeting, [p.source_version_id for item in items for p in item.papers.all()]
    )
    for item in items:
        frozen = _freeze_item(item, build=new)
        for paper in item.papers.all():
            _freeze_paper(
                paper,
                item=frozen,
                position=paper.position,
                render=paper.render,
                source_version=paper.source_version,
                withheld=paper.withheld or withdrawn(paper.render_id, paper.source_version_id),
            )
    transaction.on_commit(lambda: _start(new.pk))
    return version


def _newly_withdrawn(build, papers):
    """``papers`` of ``build`` bound for the public that have been withdrawn since it was
    frozen (a document withdrawn elsewhere while the pack was waiting or being built)."""
    withdrawn = WithdrawnFromPacks(build.meeting_id, [paper.source_version_id for paper in papers])
    return [
        paper
        for paper in papers
        if not paper.withheld
        and not paper.item.exempt
        and withdrawn(paper.render_id, paper.source_version_id)
    ]
