"""The plan as the public sees it: its rows as its live version published them, read from their
history, and the priorities and measures other apps show from it."""

from functools import cached_property

from ..models import Commitment, Measure, Plan, Priority

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


def published_priorities(*, priority_ids):
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


def show_published_priorities(*, objects, attribute="priority"):
    """Give each of ``objects`` (register entries, forward plan entries) its priority as the
    plan published it, or none while the priority is not public. For display only: the objects
    must not be saved afterwards."""
    objects = list(objects)
    if not objects:
        return objects
    field = objects[0]._meta.get_field(attribute)
    published = published_priorities(priority_ids={getattr(obj, field.attname) for obj in objects})
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


def published_measure(*, pk):
    """The measure ``pk`` as its plan's live version published it, or None if not public."""
    plan = Plan.objects.public().filter(measures__pk=pk).first()
    return PublishedPlan(plan).measure(pk) if plan else None
