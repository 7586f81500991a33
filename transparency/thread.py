"""The golden thread of a plan priority: what the plan promised under it, how it is measured,
the decisions taken for it, the grants, spending and contracts made towards it, what the forward
plan expects, and what the Police and Crime Panel and the strategic scrutiny meetings asked about
it.

Each part reads only what the public may see, through its model's ``public()`` QuerySet, and
lists its items newest first (commitments keep the plan's order). The plans app shows the thread
on each priority's page (``{% golden_thread priority version as thread %}``). Commitments and
measures are read as that version of the plan published them (``PublishedPlan``: one query for
all of a plan's commitments, never a draft edit), Panel reports as their pack froze them and
scrutiny actions as the newest published note left them.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from decisions.models import Decision, PriorityScope
from panel.models import PackPaper
from pcc_portal.publications.models import Version
from performance.models import DataPoint, ScrutinyAction, ScrutinyMeeting
from plans.models import Plan
from plans.selectors import PublishedPlan, released_statuses

from .models import Contract, ForwardPlanEntry, Grant, Payment
from .selectors import published_entries, published_records


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
    total: int = 0  # more than ``items`` when the part shows only the most recent
    links: list = field(default_factory=list)  # (address, text) of where the rest are


@dataclass
class Bounded:
    """A part's most recent items, how many there are in all, and where to find the rest."""

    items: list
    total: int
    links: list


def public_priorities():
    """Priorities of published plans, newest plan first, each as its plan's live version
    published it (a priority added or renamed since stays private)."""
    plans = Plan.objects.public().order_by("-term_start", "pk")
    return [priority for plan in plans for priority in PublishedPlan(plan).priorities]


def public_priority(*, slug, number):
    plan = Plan.objects.public().filter(slug=slug).first()
    if plan is None:
        return None
    return PublishedPlan(plan).priority(number)


def _newest_first(items):
    return sorted(items, key=lambda i: (i.on is not None, i.on or date.min), reverse=True)


def _as_of(model, when):
    """``model``'s rows as they stood at ``when`` (from their history): what a document
    published then showed, without the edits made since."""
    return model.history.as_of(when)


def _commitments(priority, published):
    """The commitments as the plan published them, each with its delivery status as the latest
    delivery update released it (or as the plan's version froze it, if that is newer)."""
    commitments = published.commitments_of(priority)
    released = released_statuses(
        plan=published.live, version=published.version, commitments=commitments
    )
    items = []
    for c in commitments:
        c.status = released.get(c.pk, c.status)
        items.append(
            ThreadItem(
                title=c.wording,
                detail=c.get_status_display(),
                tag=c.get_status_display(),
                tag_class=c.tag_class,
            )
        )
    return items


def _measures(priority, published):
    measures = published.measures_of(priority)
    latest = {}
    points = (
        DataPoint.objects.public()
        .filter(measure_id__in=[measure.pk for measure in measures])
        .order_by("measure_id", "-period_start")
    )
    for point in points:
        latest.setdefault(point.measure_id, point)
    items = []
    for measure in measures:
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


DECISIONS_SHOWN = 10


def _decisions(priority, published):
    """The most recent decisions that serve ``priority`` (``DECISIONS_SHOWN`` of them, a decade
    of them would swamp the page; the rest are a link to the register away): those linked to
    it (governance decisions too), and those for "All priorities" taken while its plan was the
    one in force, its term covering the decision date; an earlier or later plan's priorities
    do not list them."""
    plan = published.plan
    in_force = models.Q(
        priority_scope=PriorityScope.ALL,
        decision_date__gte=plan.term_start,
        decision_date__lte=plan.term_end,
    )
    serving = models.Q(priorities=priority.pk) | in_force
    decisions = Decision.objects.public().filter(serving).distinct()
    items = [
        ThreadItem(
            title=decision.public_title,
            url=decision.get_absolute_url(),
            on=decision.decision_date,
            detail="Restricted: only its reference, title and date are published."
            if decision.is_restricted
            else "",
            tag="Governance" if decision.priority_scope == PriorityScope.GOVERNANCE else "",
        )
        for decision in decisions.in_register_order()[:DECISIONS_SHOWN]
    ]
    total = decisions.count()
    register = reverse("decisions:register")
    return Bounded(
        items,
        total=total,
        links=[
            (f"{register}?priority={priority.pk}", "Decisions linked to this priority"),
            (f"{register}?priority={PriorityScope.ALL.value}", "Decisions for all priorities"),
        ]
        if total > len(items)
        else [],
    )


def _grants(priority, published):
    return [
        ThreadItem(
            title=f"£{grant.amount:,.2f} to {grant.recipient}",
            url=grant.get_absolute_url(),
            on=grant.awarded_on,
            detail=grant.purpose,
            tag="Sample" if grant.is_sample else "",
        )
        for grant in _released(Grant, priority)
    ]


def _payments(priority, published):
    """Payments over £500 linked to ``priority``, from released months only (a released month's
    rows never change, so they are what its release published)."""
    payments = Payment.objects.public().filter(priority=priority.pk).select_related("upload")
    return [
        ThreadItem(
            title=f"£{payment.amount:,.2f} to {payment.supplier}",
            url=payment.get_absolute_url(),
            on=payment.paid_on,
            detail=payment.purpose or payment.expense_type,
            tag="Chief Constable"
            if payment.upload.source == payment.upload.Source.CHIEF_OFFICER
            else "",
        )
        for payment in payments
    ]


def _contracts(priority, published):
    return [
        ThreadItem(
            title=f"{contract.title} ({contract.supplier})",
            url=contract.get_absolute_url(),
            on=contract.starts_on,
            detail=f"Contract {contract.reference}, £{contract.value:,.2f}",
            tag="Sample" if contract.is_sample else "",
        )
        for contract in _released(Contract, priority)
    ]


def _forward_plan(priority, published):
    return [
        ThreadItem(
            title=entry.title,
            url=entry.get_absolute_url(),
            on=entry.expected_on,
            detail=f"Expected from {entry.decision_maker}",
        )
        for entry in _released(ForwardPlanEntry, priority)
    ]


def _released(model, priority):
    """``model``'s register entries about ``priority`` as their releases froze them: an edit not
    yet released, or a new link to the priority, shows nothing."""
    records = published_records(model=model).filter(data__fields__priority_id=priority.pk)
    return published_entries(model=model, records=records)


def _panel_reports(priority, published):
    """Each report about ``priority`` once, as the newest public pack carrying it froze it."""
    papers = (
        PackPaper.objects.published()
        .filter(report__priorities=priority)
        .select_related("item__build__meeting__panel")
        .order_by("report_id", "-item__build__version__number")
    )
    newest = {}
    for paper in papers:
        newest.setdefault(paper.report_id, paper)
    items = []
    for paper in newest.values():
        meeting = paper.item.build.meeting
        items.append(
            ThreadItem(
                title=paper.title,
                url=meeting.get_absolute_url(),
                on=meeting.date,
                detail=f"Report to the {meeting.panel.name}",
            )
        )
    return items


def _scrutiny_actions(priority, published):
    """Actions about ``priority`` raised at meetings whose note is public, as the newest
    published note left them: an action added or updated since is not public until a note
    reports it."""
    meetings = ScrutinyMeeting.objects.public()
    notes = Version.objects.public().filter(
        content_type=ContentType.objects.get_for_model(ScrutinyMeeting),
        object_id__in=meetings.values("pk"),
    )
    latest_note = notes.aggregate(latest=models.Max("published_at"))["latest"]
    if latest_note is None:
        return []
    raised_at = {meeting.pk: meeting for meeting in meetings}
    about = ScrutinyAction.objects.filter(priorities=priority).values("pk")
    actions = _as_of(ScrutinyAction, latest_note).filter(
        id__in=about, raised_at_id__in=list(raised_at)
    )
    items = []
    for action in actions:
        meeting = raised_at[action.raised_at_id]
        items.append(
            ThreadItem(
                title=action.description,
                url=meeting.get_absolute_url(),
                on=meeting.date,
                detail=f"Raised at the strategic scrutiny meeting, for the {action.owner} "
                f"by {action.due_date:%-d %B %Y}",
                tag=action.get_status_display(),
                tag_class=action.tag_class,
            )
        )
    return items


PARTS = [
    ("commitments", "Commitments and their delivery", _commitments),
    ("measures", "Measures and their latest figures", _measures),
    ("decisions", "Decisions", _decisions),
    ("grants", "Grants", _grants),
    ("spending", "Spending over £500", _payments),
    ("contracts", "Contracts", _contracts),
    ("forward-plan", "Decisions expected (forward plan)", _forward_plan),
    ("panel-reports", "Police and Crime Panel reports", _panel_reports),
    ("scrutiny-actions", "Scrutiny actions", _scrutiny_actions),
]


def golden_thread(priority, version):
    """The thread of ``priority`` on the page of ``version`` of its plan (the live version)."""
    published = PublishedPlan(priority.plan, version=version)
    parts = []
    for key, title, build in PARTS:
        items = build(priority, published)
        bounded = items if isinstance(items, Bounded) else Bounded(items, len(items), [])
        items = bounded.items
        if key != "commitments":
            items = _newest_first(items)
        parts.append(ThreadPart(key, title, items, bounded.total, bounded.links))
    return parts
