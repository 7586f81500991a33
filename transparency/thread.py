"""The golden thread of a plan priority: what the plan promised under it, how it is measured,
the decisions taken for it, the grants made towards it, what the forward plan expects, and what
the Police and Crime Panel and the strategic scrutiny meetings asked about it.

Each part reads only what the public may see, through its model's ``public()`` QuerySet, and
lists its items newest first (commitments keep the plan's order). The plans app shows the thread
on each priority's page (``{% golden_thread priority version as thread %}``). Commitments and
measures are read as the plan's live version published them.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.urls import reverse

from decisions.models import Decision, PriorityScope
from panel.models import Report
from performance.models import DataPoint, ScrutinyAction, ScrutinyMeeting
from plans.models import Commitment, Measure, Plan, Priority

from .models import ForwardPlanEntry, Grant


@dataclass
class ThreadItem:
    title: str
    url: str = ""
    on: date | None = None
    detail: str = ""
    tag: str = ""
    tag_class: str = "govuk-tag--grey"
    show_on: bool = True  # False when the detail already says when (a measure's period)


@dataclass
class ThreadPart:
    key: str
    title: str
    items: list = field(default_factory=list)


def public_priorities():
    """Priorities of published plans."""
    return Priority.objects.filter(plan__in=Plan.objects.public()).select_related("plan")


def public_priority(*, slug, number):
    return public_priorities().filter(plan__slug=slug, number=number).first()


def _newest_first(items):
    return sorted(items, key=lambda i: (i.on is not None, i.on or date.min), reverse=True)


def _as_published(model, priority, version):
    """``model``'s rows for ``priority`` as they stood when ``version`` of the plan was published
    (their history as of then): a draft edit since is not public until the plan is republished."""
    rows = model.history.as_of(version.published_at).filter(priority_id=priority.pk)
    return sorted(rows, key=lambda row: (getattr(row, "order", 0), row.pk))


def _commitments(priority, version):
    return [
        ThreadItem(
            title=c.wording,
            detail=c.get_status_display(),
            tag=c.get_status_display(),
            tag_class=c.status_tag,
        )
        for c in _as_published(Commitment, priority, version)
    ]


def _measures(priority, version):
    latest = {}
    points = (
        DataPoint.objects.public()
        .filter(measure__priority=priority)
        .order_by("measure_id", "-period_start")
    )
    for point in points:
        latest.setdefault(point.measure_id, point)
    items = []
    for measure in _as_published(Measure, priority, version):
        point = latest.get(measure.pk)
        detail = "No figures published yet."
        if point is not None:
            unit = f" {measure.unit}" if measure.unit else ""
            detail = f"{point.value.normalize():,}{unit} ({point.period})"
        items.append(
            ThreadItem(
                title=measure.wording,
                url=reverse("performance:measure", kwargs={"pk": measure.pk}),
                on=point.period_start if point else None,
                detail=detail,
                show_on=False,
            )
        )
    return items


def _decisions(priority, version):
    serving = models.Q(priorities=priority) | models.Q(priority_scope=PriorityScope.ALL)
    return [
        ThreadItem(
            title=decision.public_title,
            url=decision.get_absolute_url(),
            on=decision.decision_date,
            detail="Restricted: only its reference, title and date are published."
            if decision.is_restricted
            else "",
        )
        for decision in Decision.objects.public().filter(serving).distinct()
    ]


def _grants(priority, version):
    return [
        ThreadItem(
            title=f"£{grant.amount:,.2f} to {grant.recipient}",
            url=grant.get_absolute_url(),
            on=grant.awarded_on,
            detail=grant.purpose,
            tag="Sample" if grant.is_sample else "",
        )
        for grant in Grant.objects.public().filter(priority=priority)
    ]


def _forward_plan(priority, version):
    return [
        ThreadItem(
            title=entry.title,
            url=entry.get_absolute_url(),
            on=entry.expected_on,
            detail=f"Expected from {entry.decision_maker}",
        )
        for entry in ForwardPlanEntry.objects.public().filter(priority=priority)
    ]


def _panel_reports(priority, version):
    reports = Report.objects.public().filter(priorities=priority).select_related("meeting__panel")
    return [
        ThreadItem(
            title=report.title,
            url=report.get_absolute_url(),
            on=report.meeting.date,
            detail=f"Report to the {report.meeting.panel.name}",
        )
        for report in reports
    ]


ACTION_TAGS = {
    ScrutinyAction.Status.OPEN: "govuk-tag--grey",
    ScrutinyAction.Status.IN_PROGRESS: "govuk-tag--blue",
    ScrutinyAction.Status.CLOSED: "govuk-tag--green",
}


def _scrutiny_actions(priority, version):
    actions = ScrutinyAction.objects.filter(
        priorities=priority, raised_at__in=ScrutinyMeeting.objects.public()
    ).select_related("raised_at")
    return [
        ThreadItem(
            title=action.description,
            url=action.raised_at.get_absolute_url(),
            on=action.raised_at.date,
            detail=f"Raised at the strategic scrutiny meeting, for the {action.owner} "
            f"by {action.due_date:%-d %B %Y}",
            tag=action.get_status_display(),
            tag_class=ACTION_TAGS[action.status],
        )
        for action in actions
    ]


PARTS = [
    ("commitments", "Commitments and their delivery", _commitments),
    ("measures", "Measures and their latest figures", _measures),
    ("decisions", "Decisions", _decisions),
    ("grants", "Grants", _grants),
    ("forward-plan", "Decisions expected (forward plan)", _forward_plan),
    ("panel-reports", "Police and Crime Panel reports", _panel_reports),
    ("scrutiny-actions", "Scrutiny actions", _scrutiny_actions),
]


def golden_thread(priority, version):
    """The thread of ``priority`` on the page of ``version`` of its plan (the live version)."""
    parts = []
    for key, title, build in PARTS:
        items = build(priority, version)
        if key != "commitments":
            items = _newest_first(items)
        parts.append(ThreadPart(key, title, items))
    return parts
