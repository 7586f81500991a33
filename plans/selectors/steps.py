"""The plan's statutory steps: the check page of the steps that publish a plan, and the steps
as the public reads them."""

from django.db.models import Exists, OuterRef

from pcc_portal.publications import selectors as publishing

from ..models import DRAFTING_STAGES, LifecycleStep, Plan, Stage
from .published import PublishedPlan


def plan_review(*, plan, stage):
    """What issuing or varying ``plan`` now would make public: the plan's page and PDF, each
    priority's page (new or changed since the version the public sees), the commitments
    tracker, and what else the step does (an issued plan supersedes the earlier one)."""
    live = PublishedPlan(plan)
    before = {priority.pk: priority for priority in live.priorities}
    # Details name pages rather than print their addresses: a long address in a table cell
    # would make the page scroll sideways on a phone (the public address is given above it).
    parts = [
        publishing.Part(
            title="The plan's page and its PDF", detail="At the public address above.", tagged=True
        )
    ]
    for priority in plan.priorities.order_by("number"):
        was = before.get(priority.pk)
        detail = "Its own page, under the plan's address."
        if was is not None and (was.number, was.title, was.summary, was.narrative) != (
            priority.number,
            priority.title,
            priority.summary,
            priority.narrative,
        ):
            detail = f"Changed since version {live.version.number}. {detail}"
        parts.append(
            publishing.Part(
                title=f"Priority {priority.number}: {priority.title}",
                detail=detail,
                pdf=False,
                new=bool(live) and was is None,
            )
        )
    parts.append(
        publishing.Part(
            title="The commitments tracker",
            detail="Each commitment's delivery status as at this version.",
            pdf=False,
        )
    )
    notes = []
    if plan.stage == Stage.SENT_TO_PANEL:
        notes.append(
            "The Panel has made no report on the draft, so there is no response to publish: "
            "if it has made one, go back and record \u201cPanel report or recommendations "
            "received\u201d and the response first."
        )
    if stage == Stage.ISSUED:
        notes.append(
            "Recording \u201cIssued\u201d publishes the plan: it becomes the plan in force."
        )
        for earlier in plans_superseded_by(plan=plan):
            notes.append(
                f"\u201c{earlier}\u201d is superseded on the same date: its pages stay public, "
                "marked as superseded."
            )
    else:
        notes.append(
            "Recording \u201cVaried\u201d publishes the plan as it is now as a new version; the "
            "earlier versions stay downloadable."
        )
        if plan.variation_may_be_minor:
            notes.append(
                "The variation has not been to the Chief Constable or the Panel: it can be "
                "published only as a minor variation, with the reason it is minor."
            )
        else:
            for step in pending_variation_steps(plan=plan):
                notes.append(f"{step.label}: {step.date:%-d %B %Y}.")
        current = {priority.pk for priority in plan.priorities.all()}
        for priority in live.priorities:
            if priority.pk not in current:
                notes.append(
                    f"Removed since version {live.version.number}: priority {priority.number}, "
                    f"\u201c{priority.title}\u201d."
                )
    return publishing.review(obj=plan, parts=parts, notes=notes)


def plans_superseded_by(*, plan):
    """The force area's earlier plans in force (a variation under way or not), which issuing
    ``plan`` supersedes."""
    issued = LifecycleStep.objects.filter(plan=OuterRef("pk"), stage=Stage.ISSUED)
    return (
        Plan.objects.filter(force_area=plan.force_area, term_start__lt=plan.term_start)
        .filter(Exists(issued))
        .exclude(stage=Stage.SUPERSEDED)
        .exclude(pk=plan.pk)
    )


def pending_variation_steps(*, plan):
    """The steps of the variation under way, recorded since the version the public sees."""
    live = plan.live_version()
    steps = plan.steps.filter(variation=True)
    if live is not None:
        steps = steps.filter(recorded_at__gt=live.published_at)
    return list(steps)


def public_steps(*, plan, version):
    """The plan's steps as the public reads them: all but those of a variation not published
    yet (its consultation is the office's work in progress until the variation is made)."""
    steps = plan.steps.all()
    return steps.exclude(
        variation=True, stage__in=DRAFTING_STAGES, recorded_at__gt=version.published_at
    )
