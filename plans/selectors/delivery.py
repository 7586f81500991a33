"""Delivery updates, published on their own: what one freezes, its check page, and the updates
the public may read."""

from collections import Counter

from django.db.models import Prefetch

from pcc_portal.publications import selectors as publishing
from pcc_portal.publications.models import Version

from ..models import Commitment, DeliveryReport, ProgressNote
from .published import PublishedPlan


def delivery_contents(*, plan):
    """What a delivery update freezes: each commitment as the plan's live version published it,
    with its delivery status and progress notes as they are now."""
    published = PublishedPlan(plan)
    notes = Prefetch(
        "progress_notes", queryset=ProgressNote.objects.order_by("-date", "-recorded_at", "-pk")
    )
    live = {
        commitment.pk: commitment
        for commitment in Commitment.objects.filter(
            pk__in=[c.pk for c in published.commitments]
        ).prefetch_related(notes)
    }
    groups, counts = [], Counter()
    for priority in published.priorities:
        rows = []
        for commitment in published.commitments_of(priority):
            current = live.get(commitment.pk)
            if current is None:  # deleted since the plan was published
                continue
            commitment.status = current.status
            counts[current.status] += 1
            rows.append((commitment, list(current.progress_notes.all())))
        if rows:
            groups.append((priority, rows))
    return {
        "plan": published.plan or plan,
        "groups": groups,
        "commitment_counts": [
            (status.label, status.value, counts[status.value]) for status in Commitment.Status
        ],
    }


def delivery_update_refusal(*, plan):
    """Why no delivery update of ``plan`` can be released, or "": a plan never issued has
    nothing to report on (a superseded one can still report its final delivery)."""
    if not plan.is_issued or plan.live_version() is None:
        return f"\u201c{plan}\u201d is not published: its delivery is reported once it is issued."
    return ""


def delivery_review(*, report):
    """The check page of a delivery update: the tracker, and each progress note it releases."""
    last = Version.objects.for_object(report).ready().order_by("-number").first()
    notes = ProgressNote.objects.filter(commitment__priority__plan=report.plan_id)
    if last is not None:
        notes = notes.filter(recorded_at__gt=last.published_at)
    parts = [
        publishing.Part(
            title="The commitments tracker and its PDF",
            detail="At the public address above, in place of the plan's own tracker.",
            tagged=True,
        )
    ]
    for note in notes.select_related("commitment").order_by("date", "pk"):
        parts.append(
            publishing.Part(
                title=f"Progress note: {note.commitment.wording[:120]}",
                detail=f"{note.date:%-d %B %Y}, {note.get_status_display()}: {note.note}",
                pdf=False,
                new=last is not None,
            )
        )
    notes_text = [
        "The plan itself is not republished: its version and its change notes stay as they are."
    ]
    if report.plan.is_superseded:
        notes_text.append("The plan has been superseded: this can be its final delivery report.")
    return publishing.review(obj=report, parts=parts, notes=notes_text)


def released_delivery(*, plan):
    """The delivery update of ``plan`` the public sees, or None."""
    report = DeliveryReport.objects.public().filter(plan_id=plan.pk).first()
    return report.live_version() if report else None


def released_deliveries(*, plan):
    """Every delivery update of ``plan`` the public may read, newest first."""
    report = DeliveryReport.objects.public().filter(plan_id=plan.pk).first()
    return list(Version.objects.for_object(report).public()) if report else []


def released_statuses(*, plan, version, commitments):
    """``{commitment pk: status}`` as the latest delivery update released them, when it is newer
    than ``version`` of the plan; empty otherwise (the plan's version says the status)."""
    delivery = released_delivery(plan=plan)
    if delivery is None or delivery.published_at <= version.published_at:
        return {}
    records = (
        Commitment.history.filter(
            history_date__lte=delivery.published_at, id__in=[c.pk for c in commitments]
        )
        .latest_of_each()
        .exclude(history_type="-")
        .values_list("id", "status")
    )
    return dict(records)
