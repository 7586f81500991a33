"""The golden thread of a plan priority: what the plan promised under it, how it is measured,
the decisions taken for it, the grants made towards it, what the forward plan expects, and what
the Panel and the scrutiny meetings asked about it; newest first in each part.

Each part reads another app through its public QuerySets and fails soft: a part whose app has
no such link (yet) is listed with the reason, so the page says what it cannot show.
"""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError, models

from .models import ForwardPlanEntry, Grant

logger = logging.getLogger(__name__)


@dataclass
class ThreadItem:
    title: str
    url: str = ""
    on: date | None = None
    detail: str = ""
    tag: str = ""
    show_on: bool = True  # False when the detail already says when (a measure's period)


@dataclass
class ThreadPart:
    key: str
    title: str
    items: list = field(default_factory=list)
    unavailable: str = ""  # why this part cannot be shown yet


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def public_priorities():
    """Priorities of published plans."""
    priority_model, plan_model = _model("plans.Priority"), _model("plans.Plan")
    return priority_model.objects.filter(plan__in=plan_model.objects.public()).select_related(
        "plan"
    )


def public_priority(*, slug, number):
    return public_priorities().filter(plan__slug=slug, number=number).first()


def _newest_first(items):
    return sorted(items, key=lambda i: (i.on is not None, i.on or date.min), reverse=True)


def _commitments(priority):
    part = ThreadPart("commitments", "Commitments and their delivery")
    related = getattr(priority, "commitments", None)
    if related is None:
        part.unavailable = "The plan does not record commitments for its priorities yet."
        return part
    for commitment in related.all():
        status = getattr(commitment, "get_status_display", lambda: "")()
        part.items.append(
            ThreadItem(
                title=str(getattr(commitment, "wording", commitment)), detail=status, tag=status
            )
        )
    return part


def _measures(priority):
    part = ThreadPart("measures", "Measures and their latest figures")
    data_point = _model("performance.DataPoint")
    latest = {}
    if data_point is not None:
        try:
            for point in (
                data_point.objects.public()
                .filter(measure__priority=priority)
                .order_by("measure_id", "-period_start")
            ):
                latest.setdefault(point.measure_id, point)
        except (DatabaseError, AttributeError):
            logger.info("no performance figures to read", exc_info=True)
    for measure in priority.measures.all():
        point = latest.get(measure.pk)
        detail = ""
        if point is not None:
            unit = f" {measure.unit}" if measure.unit else ""
            detail = f"{point.value.normalize():,}{unit} ({point.period})"
        part.items.append(
            ThreadItem(
                title=measure.wording,
                url=_measure_url(measure),
                on=point.period_start if point else None,
                detail=detail or "No figures published yet.",
                show_on=False,
            )
        )
    if data_point is None:
        part.unavailable = "Performance figures are not published yet."
    return part


def _measure_url(measure):
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("performance:measure", kwargs={"pk": measure.pk})
    except NoReverseMatch:
        return ""


def _decisions(priority):
    part = ThreadPart("decisions", "Decisions")
    decision = _model("decisions.Decision")
    if decision is None:
        part.unavailable = "The decisions register is not available yet."
        return part
    try:
        linked = models.Q(priorities=priority)
        if any(f.name == "priority_scope" for f in decision._meta.get_fields()):
            linked |= models.Q(priority_scope="all")  # decisions that serve every priority
        decisions = decision.objects.public().filter(linked).distinct()
    except (FieldDoesNotExist, DatabaseError, ValueError) as error:
        part.unavailable = f"Decisions are not linked to plan priorities ({error})."
        return part
    for item in decisions:
        restricted = getattr(item, "is_restricted", False)
        title = getattr(item, "public_title", None) or str(item)
        part.items.append(
            ThreadItem(
                title=title,
                url=item.get_absolute_url(),
                on=getattr(item, "decision_date", None),
                detail="Restricted: only its reference, title and date are published."
                if restricted
                else "",
            )
        )
    return part


def _grants(priority):
    part = ThreadPart("grants", "Grants")
    for grant in Grant.objects.public().filter(priority=priority):
        part.items.append(
            ThreadItem(
                title=f"£{grant.amount:,.2f} to {grant.recipient}",
                url=grant.get_absolute_url(),
                on=grant.awarded_on,
                detail=grant.purpose,
                tag="Sample" if grant.is_sample else "",
            )
        )
    return part


def _forward_plan(priority):
    part = ThreadPart("forward-plan", "Decisions expected (forward plan)")
    for entry in ForwardPlanEntry.objects.public().filter(priority=priority):
        part.items.append(
            ThreadItem(
                title=entry.title,
                url=entry.get_absolute_url(),
                on=entry.expected_on,
                detail=f"Expected from {entry.decision_maker}",
            )
        )
    return part


def _linked(model, priority):
    """Rows of ``model`` linked to ``priority`` by a ``priority``/``priorities`` field or
    through a ``measure``; None if the model has no such link."""
    names = {f.name for f in model._meta.get_fields()}
    if "priorities" in names:
        return model.objects.filter(priorities=priority)
    if "priority" in names:
        return model.objects.filter(priority=priority)
    if "measure" in names:
        return model.objects.filter(measure__priority=priority)
    return None


def _panel_reports(priority):
    part = ThreadPart("panel-reports", "Police and Crime Panel reports")
    report = _model("panel.Report")
    if report is None:
        part.unavailable = "Panel reports are not available yet."
        return part
    rows = _linked(report, priority)
    if rows is None:
        part.unavailable = "Panel reports are not linked to plan priorities yet."
        return part
    for item in rows.filter(pk__in=report.objects.public()):
        part.items.append(
            ThreadItem(
                title=str(item),
                url=item.get_absolute_url(),
                on=getattr(item, "date", None) or getattr(item, "report_date", None),
            )
        )
    return part


def _scrutiny_actions(priority):
    part = ThreadPart("scrutiny-actions", "Scrutiny actions")
    action, meeting = _model("performance.ScrutinyAction"), _model("performance.ScrutinyMeeting")
    if action is None or meeting is None:
        part.unavailable = "Scrutiny meetings are not available yet."
        return part
    rows = _linked(action, priority)
    if rows is None:
        part.unavailable = "Scrutiny actions are not linked to plan priorities yet."
        return part
    for item in rows.filter(raised_at__in=meeting.objects.public()).select_related("raised_at"):
        part.items.append(
            ThreadItem(
                title=str(item),
                url=item.raised_at.get_absolute_url(),
                on=item.due_date,
                detail=f"{item.get_status_display()}; due {item.due_date:%-d %B %Y}",
                tag=item.get_status_display(),
            )
        )
    return part


def golden_thread(priority):
    parts = []
    for build in (
        _commitments,
        _measures,
        _decisions,
        _grants,
        _forward_plan,
        _panel_reports,
        _scrutiny_actions,
    ):
        try:
            part = build(priority)
        except DatabaseError:
            logger.exception("golden thread part %s failed", build.__name__)
            continue
        if part.key != "commitments":
            part.items = _newest_first(part.items)
        parts.append(part)
    return parts
