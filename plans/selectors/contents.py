"""The structured contents a plan renders from (its page, PDF and preview), its published parts
and versions, and the lists of plans the public and staff see."""

from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from pcc_portal.publications.models import Version

from ..models import (
    AccountabilityItem,
    Commitment,
    Measure,
    Plan,
    ProgressNote,
    PublishedPart,
    Section,
    Stage,
)


@dataclass
class MeasureGroup:
    label: str
    anchor: str
    measures: list = field(default_factory=list)


@dataclass
class CapitalTable:
    years: list
    rows: list  # (scheme, [amount or None per year], total)
    year_totals: list
    total: Decimal

    def __bool__(self):
        return bool(self.rows)


def capital_table(*, lines):
    years = sorted({line.financial_year for line in lines})
    schemes = OrderedDict()
    for line in lines:
        schemes.setdefault(line.scheme, {})[line.financial_year] = line.amount_millions
    rows = []
    for scheme, amounts in schemes.items():
        cells = [amounts.get(year) for year in years]
        rows.append((scheme, cells, sum((a for a in cells if a is not None), Decimal(0))))
    year_totals = [
        sum((row[1][i] for row in rows if row[1][i] is not None), Decimal(0))
        for i in range(len(years))
    ]
    return CapitalTable(years, rows, year_totals, sum(year_totals, Decimal(0)))


def measure_groups(*, measures):
    """Measures grouped as the plan reads: each priority's, then each cross-cutting theme's."""
    groups = OrderedDict()
    for measure in sorted(
        measures,
        key=lambda m: (m.priority is None, m.priority.number if m.priority else 0, m.order, m.pk),
    ):
        if measure.priority_id:
            key, label = f"p{measure.priority.number}", str(measure.priority)
            anchor = f"measures-priority-{measure.priority.number}"
        else:
            key, label = f"t:{measure.theme}", measure.theme
            anchor = f"measures-theme-{len(groups) + 1}"
        groups.setdefault(key, MeasureGroup(label, anchor)).measures.append(measure)
    return list(groups.values())


def plan_priorities(*, plan):
    return plan.priorities.order_by("number").prefetch_related(
        Prefetch(
            "commitments",
            queryset=Commitment.objects.order_by("order", "pk").prefetch_related(
                Prefetch("progress_notes", queryset=ProgressNote.objects.order_by("-date", "-pk"))
            ),
        ),
        Prefetch(
            "accountability_items", queryset=AccountabilityItem.objects.order_by("order", "pk")
        ),
        Prefetch("measures", queryset=Measure.objects.order_by("order", "pk")),
    )


def plan_contents(*, plan):
    """Everything the plan's page, PDF and preview render from, in reading order."""
    sections = list(plan.sections.order_by("order", "pk"))
    priorities = list(plan_priorities(plan=plan))
    measures = list(plan.measures.select_related("priority").order_by("order", "pk"))
    revenue = list(plan.revenue_figures.order_by("financial_year", "pk"))
    capital = capital_table(lines=list(plan.capital_lines.order_by("pk")))
    before = [s for s in sections if s.placement == Section.Placement.BEFORE]
    after = [s for s in sections if s.placement == Section.Placement.AFTER]
    finance_section = next((s for s in sections if s.kind == Section.Kind.FINANCE), None)
    return {
        "plan": plan,
        "sections_before": before,
        "sections_after": after,
        "priorities": priorities,
        "measure_groups": measure_groups(measures=measures),
        "national_measures": [m for m in measures if m.is_national],
        "revenue_figures": revenue,
        "capital": capital,
        "finance_section": finance_section,
        "has_finance": bool(revenue or capital),
        "commitment_counts": commitment_counts(priorities=priorities),
    }


def commitment_counts(*, priorities):
    counts = OrderedDict((status, 0) for status in Commitment.Status)
    for priority in priorities:
        for commitment in priority.commitments.all():
            counts[Commitment.Status(commitment.status)] += 1
    return [(status.label, status.value, count) for status, count in counts.items()]


def published_part(*, version, key):
    if version is None:
        return None
    return PublishedPart.objects.filter(version=version, key=key).first()


def public_versions(*, plan):
    return list(Version.objects.for_object(plan).public().order_by("-number"))


def current_plan():
    """The plan in force now, for the home page and other apps: the latest published plan not
    superseded, or None."""
    plan = Plan.objects.public().in_public_order().first()
    return None if plan is None or plan.is_superseded else plan


def staff_plans(*, user):
    return Plan.objects.visible_to(user).order_by("-term_start", "pk")


def dashboard_attention(*, user, today=None):
    """For the staff dashboard: (plan, why) for plans not yet issued (with their next step),
    plans in force whose annual review is due, and plans with changes the public does not see
    yet."""
    today = today or timezone.localdate()
    items = []
    for plan in staff_plans(user=user).exclude(stage=Stage.SUPERSEDED):
        if not plan.is_in_force or plan.variation_under_way:
            following = " or ".join(stage.label for stage in plan.next_stages())
            what = "its variation is at" if plan.variation_under_way else "at"
            items.append(
                (plan, f"{what} \u201c{plan.get_stage_display()}\u201d; next: {following}")
            )
            if not plan.is_in_force:
                continue
        due = plan.review_due_on()
        if due and due <= today:
            items.append((plan, f"its annual review was due on {due:%-d %B %Y}"))
        if plan.has_unpublished_changes():
            items.append((plan, "has changes the public does not see yet"))
    return items
