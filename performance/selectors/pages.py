"""Reads for the dashboard, a measure's history and the quarterly report.

Each builds its whole page from a fixed number of queries (plan, priorities, measures, figures,
commentary), however many measures and periods there are.
"""

from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q, Window
from django.db.models.functions import RowNumber

from plans.models import Measure, Plan
from plans.selectors import PublishedPlan

from .. import assessment, charts
from ..models import DataPoint, FiguresWithdrawal, MeasureCommentary, ReportCommentary


@dataclass
class MeasureRow:
    measure: object
    points: list
    commentary: object = None  # the latest dated commentary, for qualitative measures

    @property
    def latest(self):
        return self.points[-1] if self.points else None

    @property
    def previous(self):
        return self.points[-2] if len(self.points) > 1 else None

    @property
    def latest_value(self):
        return assessment.format_number(self.latest.value, self.measure.unit) if self.latest else ""

    @property
    def comparison_value(self):
        if self.latest is None or self.latest.comparison_value is None:
            return ""
        return assessment.format_number(self.latest.comparison_value, self.measure.unit)

    @property
    def change(self):
        if self.latest is None:
            return None
        return assessment.change(self.latest.value, self.latest.comparison_value)

    @property
    def change_text(self):
        change = self.change
        return change.describe(self.measure.unit) if change else "No comparison figure"

    @property
    def assessment(self):
        latest = self.latest
        return assessment.assess(
            direction=self.measure.direction,
            value=latest.value if latest else None,
            comparison=latest.comparison_value if latest else None,
        )

    @property
    def trend_text(self):
        """The latest figure against the one before it."""
        if self.previous is None:
            return ""
        change = assessment.change(self.latest.value, self.previous.value)
        return f"{change.describe(self.measure.unit)} on {self.previous.period.label}"

    def _chart_points(self):
        return [
            charts.ChartPoint(
                label=point.period.label,
                value=float(point.value),
                comparison=None
                if point.comparison_value is None
                else float(point.comparison_value),
                target=None if point.target is None else float(point.target),
            )
            for point in self.points
        ]

    def chart(self, *, prefix="chart", small=False):
        return charts.line_chart(
            self._chart_points(),
            chart_id=f"{prefix}-{self.measure.pk}",
            title=self.measure.wording,
            unit=self.measure.unit,
            small=small,
        )

    @property
    def full_chart(self):
        return self.chart(prefix="chart")

    @property
    def small_chart(self):
        return self.chart(prefix="spark", small=True)

    @property
    def table_rows(self):
        unit = self.measure.unit
        return [
            {
                "period": point.period,
                "value": assessment.format_number(point.value, unit),
                "comparison": assessment.format_number(point.comparison_value, unit),
                "target": assessment.format_number(point.target, unit),
                "source": point.source,
                "note": point.note,
            }
            for point in self.points
        ]

    @property
    def has_comparison(self):
        return any(point.comparison_value is not None for point in self.points)

    @property
    def has_target(self):
        return any(point.target is not None for point in self.points)


@dataclass
class Section:
    title: str
    priority: object = None
    rows: list = field(default_factory=list)
    commentary: str = ""
    commentary_html: str = ""

    @property
    def numeric_rows(self):
        return [row for row in self.rows if row.measure.is_numeric]

    @property
    def qualitative_rows(self):
        return [row for row in self.rows if not row.measure.is_numeric]


# Which figures a page reads.
PUBLIC = "public"  # released, as released: public pages, whose measures are public already
ENTERED = "entered"  # every figure as staff last entered it: staff pages
REPORT = "report"  # released, and the report's own quarter as entered: publishing releases it

FIGURE_COLUMNS = [
    "measure_id",
    "period_kind",
    "period_start",
    "value",
    "comparison_value",
    "target",
    "source",
    "note",
    "demonstration",
]
ENTERED_COLUMNS = [
    "released_at",
    "pending_value",
    "pending_comparison_value",
    "pending_target",
    "pending_source",
    "pending_note",
    "entered_by",
    "flag",
]


def _figures_by_measure(measure_ids, *, figures, until=None, last=None, quarter=None):
    """Each measure's figures in period order; with ``last``, only its latest ``last``.

    ``figures`` says which (``PUBLIC``, ``ENTERED``, or ``REPORT`` with the report's
    ``quarter``). The public's are read through ``released()``: the callers have read the
    measures themselves as public (``PublishedPlan``, ``published_measure``)."""
    if figures == PUBLIC:
        points, columns = DataPoint.objects.released(), FIGURE_COLUMNS
    elif figures == ENTERED:
        points, columns = DataPoint.objects.all(), FIGURE_COLUMNS + ENTERED_COLUMNS
    elif figures == REPORT:
        in_quarter = Q(period_start__gte=quarter.start, period_start__lte=quarter.end)
        points = DataPoint.objects.filter(Q(released_at__isnull=False) | in_quarter)
        columns = FIGURE_COLUMNS + ENTERED_COLUMNS
    else:
        raise ValueError(f"No such figures: {figures!r}")
    points = points.filter(measure_id__in=measure_ids)
    if until is not None:
        points = points.filter(period_start__lte=until)
    if last is not None:
        points = points.annotate(
            recent=Window(RowNumber(), partition_by=[F("measure_id")],
                          order_by=[F("period_start").desc(), F("period_kind").desc()])
        ).filter(recent__lte=last)  # fmt: skip
    by_measure = {}
    for point in points.order_by("measure_id", "period_start", "period_kind").only(*columns):
        if figures == ENTERED or (figures == REPORT and quarter.start <= point.period_start):
            point = point.entered()
        by_measure.setdefault(point.measure_id, []).append(point)
    return by_measure


def _latest_commentary(measure_ids, *, until=None):
    entries = MeasureCommentary.objects.filter(measure_id__in=measure_ids)
    if until is not None:
        entries = entries.filter(date__lte=until)
    latest = {}
    for entry in entries.order_by("measure_id", "-date", "-pk"):
        latest.setdefault(entry.measure_id, entry)
    return latest


def _within(points, until):
    """Figures for periods that ended by ``until``."""
    return [point for point in points if point.period.end <= until] if until else points


def plan_sections(*, plan, figures, until=None, last=None, quarter=None, as_published=False):
    """The plan's measures grouped by priority (in order), then by cross-cutting theme, with
    their ``figures`` (see ``_figures_by_measure``); with ``as_published``, the measures and
    priorities as the plan's live version published them."""
    if as_published:
        measures = PublishedPlan(plan).measures
    else:
        measures = list(
            Measure.objects.filter(plan=plan)
            .select_related("priority")
            .order_by("priority__number", "theme", "order", "pk")
        )
    ids = [measure.pk for measure in measures]
    if figures == PUBLIC and not as_published:
        raise ValueError("The public's figures are those of the plan as published.")
    points = _figures_by_measure(ids, figures=figures, until=until, last=last, quarter=quarter)
    commentary = _latest_commentary(ids, until=until)
    sections, by_key = [], {}
    for measure in measures:
        key = ("priority", measure.priority_id) if measure.priority_id else ("theme", measure.theme)
        if key not in by_key:
            title = str(measure.priority) if measure.priority_id else measure.theme
            by_key[key] = Section(title=title, priority=measure.priority)
            sections.append(by_key[key])
        by_key[key].rows.append(
            MeasureRow(
                measure=measure,
                points=_within(points.get(measure.pk, []), until),
                commentary=commentary.get(measure.pk),
            )
        )
    # Priorities first, in their plan order; themes after.
    sections.sort(key=lambda s: (s.priority is None, s.priority.number if s.priority else 0))
    return sections


DASHBOARD_PERIODS = 12  # three years of quarters in each sparkline and its table


def dashboard_sections(*, plan):
    """The plan's measures as published, for the public dashboard: the latest released figures
    and the recent trend (the measure's own page has its whole history)."""
    return plan_sections(plan=plan, figures=PUBLIC, last=DASHBOARD_PERIODS, as_published=True)


def current_public_plan():
    """The plan the public dashboard shows: the latest published one."""
    return Plan.objects.public().order_by("-term_start").first()


def measure_row(*, measure, figures):
    """``measure`` with its ``figures``: ``PUBLIC`` for a measure read by ``published_measure``,
    ``ENTERED`` for staff."""
    points = _figures_by_measure([measure.pk], figures=figures).get(measure.pk, [])
    return MeasureRow(measure=measure, points=points)


def public_measure_figures(*, measure):
    """The released figures of ``measure`` (read by ``published_measure``), in period order."""
    return (
        DataPoint.objects.released().filter(measure=measure).order_by("period_start", "period_kind")
    )


def withdrawn_figures(*, measure_ids):
    """The withdrawals not yet followed by a new release that took figures of any of
    ``measure_ids``, newest first: their notices show where those figures used to."""
    wanted = set(measure_ids)
    return [
        withdrawal
        for withdrawal in FiguresWithdrawal.objects.in_force()
        if wanted.intersection(withdrawal.measure_ids)
    ]


def measure_commentary(*, measure):
    return list(MeasureCommentary.objects.filter(measure=measure).order_by("-date", "-pk"))


@dataclass
class ReportContent:
    sections: list
    national_rows: list

    @property
    def demonstration(self):
        return any(
            point.demonstration
            for section in self.sections
            for row in section.rows
            for point in row.points
        )


REPORT_PERIODS = 8  # two years of quarters: the report's charts and tables


def report_content(*, report):
    """Everything the quarterly report shows, as at the end of its quarter: the latest figures
    against their comparison, and the last two years for each chart. The figures are the
    released ones, and its own quarter's as entered, which publishing the report releases
    first (``services.publish_report``): so the preview shows what will be published, and the
    frozen version only figures released."""
    until = report.period.end
    sections = plan_sections(
        plan=report.plan, figures=REPORT, quarter=report.period, until=until, last=REPORT_PERIODS
    )
    commentary = {
        entry.priority_id: entry
        for entry in ReportCommentary.objects.filter(report=report).select_related("priority")
    }
    for section in sections:
        if section.priority is not None and section.priority.pk in commentary:
            entry = commentary[section.priority.pk]
            section.commentary = entry.text
            section.commentary_html = entry.text_html
    national = [row for section in sections for row in section.rows if row.measure.is_national]
    return ReportContent(sections=sections, national_rows=national)


def report_with_plan(*, queryset):
    return queryset.select_related("plan").prefetch_related(
        Prefetch("commentary", queryset=ReportCommentary.objects.select_related("priority"))
    )
