"""Reads for plans: the structured contents a plan renders from, and its published parts."""

from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db import router
from django.db.models import Exists, OuterRef, Prefetch, ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.template.defaultfilters import pluralize

from pcc_portal.publications import selectors as publishing
from pcc_portal.publications.models import Version

from .models import (
    DRAFTING_STAGES,
    AccountabilityItem,
    Commitment,
    DeliveryReport,
    LifecycleStep,
    Measure,
    Plan,
    Priority,
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


def capital_table(lines):
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


def measure_groups(measures):
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


def plan_priorities(plan):
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
    priorities = list(plan_priorities(plan))
    measures = list(plan.measures.select_related("priority").order_by("order", "pk"))
    revenue = list(plan.revenue_figures.order_by("financial_year", "pk"))
    capital = capital_table(list(plan.capital_lines.order_by("pk")))
    before = [s for s in sections if s.placement == Section.Placement.BEFORE]
    after = [s for s in sections if s.placement == Section.Placement.AFTER]
    finance_section = next((s for s in sections if s.kind == Section.Kind.FINANCE), None)
    return {
        "plan": plan,
        "sections_before": before,
        "sections_after": after,
        "priorities": priorities,
        "measure_groups": measure_groups(measures),
        "national_measures": [m for m in measures if m.is_national],
        "revenue_figures": revenue,
        "capital": capital,
        "finance_section": finance_section,
        "has_finance": bool(revenue or capital),
        "commitment_counts": commitment_counts(priorities),
    }


def commitment_counts(priorities):
    counts = OrderedDict((status, 0) for status in Commitment.Status)
    for priority in priorities:
        for commitment in priority.commitments.all():
            counts[Commitment.Status(commitment.status)] += 1
    return [(status.label, status.value, count) for status, count in counts.items()]


def published_part(*, version, key):
    if version is None:
        return None
    return PublishedPart.objects.filter(version=version, key=key).first()


def public_versions(plan):
    return list(Version.objects.for_object(plan).public().order_by("-number"))


def deletion_blockers(obj):
    """What outside the plan would go with ``obj`` if it were deleted (performance figures,
    decisions' links to a priority, transparency records...): such a part must not be deleted.
    Returns descriptions like "12 data points", empty when nothing outside the plan depends on
    it."""
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError) as error:
        objects = getattr(error, "protected_objects", None) or error.restricted_objects
        return [f"{len(objects)} record{pluralize(len(objects))} that depend on it"]
    counts = Counter()
    for model, instances in collector.data.items():
        counts[model] += len(instances)
    for queryset in collector.fast_deletes:
        counts[queryset.model] += queryset.count()
    return [
        f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
        for model, count in counts.items()
        if count and model._meta.app_label != "plans" and not _is_history(model)
    ]


def plan_deletion_refusal(plan):
    """Why ``plan`` cannot be deleted (it has been published, or records outside it depend on
    it), or "" when it can."""
    if plan.versions.exists():
        return "This plan has been published, so it stays: its versions are the public record."
    if blockers := deletion_blockers(plan):
        return (
            f"Other records depend on this plan ({', '.join(blockers)}), so it cannot be deleted."
        )
    return ""


def _is_history(model):
    return model.__name__.startswith("Historical")


def current_plan():
    """The plan in force now, for the home page and other apps: the latest published plan not
    superseded, or None."""
    plan = Plan.objects.public().in_public_order().first()
    return None if plan is None or plan.is_superseded else plan


def staff_plans(user):
    return Plan.objects.visible_to(user).order_by("-term_start", "pk")


# --- the plan as the public sees it -------------------------------------------------------------
# A published plan's rows keep changing as staff draft the next version; the public reads them as
# the plan's live version published them (from their history), until the plan is published again.


class PublishedPlan:
    """``plan`` as its live version (or ``version``) published it: its own row, priorities and
    measures, read from their history as at the moment of publication and cached."""

    def __init__(self, plan, *, version=None):
        self.live = plan
        self.version = version or plan.live_version()

    def __bool__(self):
        return self.version is not None

    def _as_published(self, model, **filters):
        """``model``'s rows as they stood when the version was published. Built from the history
        records alone: simple_history's ``as_of`` fills each excluded field (a rendered
        ``*_html``) from the live row, one query a row, and that would show today's draft."""
        records = (
            model.history.filter(history_date__lte=self.version.published_at, **filters)
            .latest_of_each()
            .exclude(history_type="-")
        )
        names = [f.attname for f in model._meta.concrete_fields]
        return [
            model(**{name: getattr(record, name) for name in names if hasattr(record, name)})
            for record in records
        ]

    @cached_property
    def plan(self):
        """The plan's own row (title, commissioner, term)."""
        if not self:
            return None
        rows = self._as_published(Plan, id=self.live.pk)
        # A plan published before its history began has no record: nothing newer to hide.
        return rows[0] if rows else self.live

    def rows(self, model, **filters):
        """``model``'s rows of the plan (``Priority`` or ``Measure``) as published."""
        if not self:
            return []
        rows = self._as_published(model, plan_id=self.live.pk, **filters)
        for row in rows:
            row.plan = self.plan
        return rows

    @cached_property
    def priorities(self):
        return sorted(self.rows(Priority), key=lambda p: (p.number, p.pk))

    def priority(self, number):
        return next((p for p in self.priorities if p.number == number), None)

    @cached_property
    def commitments(self):
        """The published priorities' commitments in the plan's order, as published: one query
        however many priorities and commitments the plan has."""
        numbers = {priority.pk: priority.number for priority in self.priorities}
        if not numbers:
            return []
        rows = self._as_published(Commitment, priority_id__in=list(numbers))
        return sorted(rows, key=lambda c: (numbers[c.priority_id], c.order, c.pk))

    def commitments_of(self, priority):
        return [c for c in self.commitments if c.priority_id == priority.pk]

    def measures_of(self, priority):
        return [m for m in self.measures if m.priority_id == priority.pk]

    @cached_property
    def _priorities_by_pk(self):
        return {priority.pk: priority for priority in self.priorities}

    def _with_priorities(self, measures):
        for measure in measures:
            Measure.priority.field.set_cached_value(
                measure, self._priorities_by_pk.get(measure.priority_id)
            )
        return sorted(
            measures,
            key=lambda m: (m.priority.number if m.priority else 0, m.theme, m.order, m.pk),
        )

    @cached_property
    def measures(self):
        """The measures in dashboard order, each with its priority as published."""
        return self._with_priorities(self.rows(Measure))

    def measure(self, pk):
        # ``id``, not ``pk``: a historical row's own primary key is its history_id.
        measures = self._with_priorities(self.rows(Measure, id=pk))
        return measures[0] if measures else None


def published_priorities(priority_ids):
    """``{pk: priority}`` for those of ``priority_ids`` whose plan is public, each as the plan's
    live version published it; a priority added since is absent."""
    priority_ids = set(priority_ids) - {None}
    if not priority_ids:
        return {}
    plans = Plan.objects.public().filter(priorities__pk__in=priority_ids).distinct()
    return {
        priority.pk: priority
        for plan in plans
        for priority in PublishedPlan(plan).priorities
        if priority.pk in priority_ids
    }


def show_published_priorities(objects, *, attribute="priority"):
    """Give each of ``objects`` (register entries, forward plan entries) its priority as the
    plan published it, or none while the priority is not public. For display only: the objects
    must not be saved afterwards."""
    objects = list(objects)
    if not objects:
        return objects
    field = objects[0]._meta.get_field(attribute)
    published = published_priorities({getattr(obj, field.attname) for obj in objects})
    for obj in objects:
        field.set_cached_value(obj, published.get(getattr(obj, field.attname)))
    return objects


def public_measure_ids():
    """The ids of the measures the public may see: those of public plans, as published."""
    return [
        measure.pk
        for plan in Plan.objects.public()
        for measure in PublishedPlan(plan).rows(Measure)
    ]


def published_measure(pk):
    """The measure ``pk`` as its plan's live version published it, or None if not public."""
    plan = Plan.objects.public().filter(measures__pk=pk).first()
    return PublishedPlan(plan).measure(pk) if plan else None


# --- the check page of the steps that publish a plan --------------------------------------------


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
        for earlier in plans_superseded_by(plan):
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
            for step in pending_variation_steps(plan):
                notes.append(f"{step.label}: {step.date:%-d %B %Y}.")
        current = {priority.pk for priority in plan.priorities.all()}
        for priority in live.priorities:
            if priority.pk not in current:
                notes.append(
                    f"Removed since version {live.version.number}: priority {priority.number}, "
                    f"\u201c{priority.title}\u201d."
                )
    return publishing.review(plan, parts=parts, notes=notes)


def plans_superseded_by(plan):
    """The force area's earlier plans in force (a variation under way or not), which issuing
    ``plan`` supersedes."""
    issued = LifecycleStep.objects.filter(plan=OuterRef("pk"), stage=Stage.ISSUED)
    return (
        Plan.objects.filter(force_area=plan.force_area, term_start__lt=plan.term_start)
        .filter(Exists(issued))
        .exclude(stage=Stage.SUPERSEDED)
        .exclude(pk=plan.pk)
    )


def pending_variation_steps(plan):
    """The steps of the variation under way, recorded since the version the public sees."""
    live = plan.live_version()
    steps = plan.steps.filter(variation=True)
    if live is not None:
        steps = steps.filter(recorded_at__gt=live.published_at)
    return list(steps)


def public_steps(plan, version):
    """The plan's steps as the public reads them: all but those of a variation not published
    yet (its consultation is the office's work in progress until the variation is made)."""
    steps = plan.steps.all()
    return steps.exclude(
        variation=True, stage__in=DRAFTING_STAGES, recorded_at__gt=version.published_at
    )


# --- delivery updates, published on their own ---------------------------------------------------


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
    return publishing.review(report, parts=parts, notes=notes_text)


def released_delivery(plan):
    """The delivery update of ``plan`` the public sees, or None."""
    report = DeliveryReport.objects.public().filter(plan_id=plan.pk).first()
    return report.live_version() if report else None


def released_deliveries(plan):
    """Every delivery update of ``plan`` the public may read, newest first."""
    report = DeliveryReport.objects.public().filter(plan_id=plan.pk).first()
    return list(Version.objects.for_object(report).public()) if report else []


def released_statuses(*, plan, version, commitments):
    """``{commitment pk: status}`` as the latest delivery update released them, when it is newer
    than ``version`` of the plan; empty otherwise (the plan's version says the status)."""
    delivery = released_delivery(plan)
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
