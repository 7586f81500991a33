"""Where the index reads what the portal publishes itself: when it last published, the period
that covers, and, for what is published as it is made, each thing's deadline.

Each source is a small adapter: given a shared cache (with ``today``), it answers a
``Reading`` (or just the date of the last publication, for a register or page that is "as at"
the day it was last released), or ``None`` when there is nothing (yet). Adapters import other
apps inside their functions and read the shared ``Version`` table, so an app with no data or
not yet built makes its items "missing" rather than breaking the index.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import DatabaseError
from django.db.models import Max, Min
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .freshness import Deadline

logger = logging.getLogger(__name__)

# How far back the index looks for agendas and minutes that are still owed.
AS_MADE_LOOKBACK = timedelta(days=365)


def _day(when):
    if when is None or not isinstance(when, datetime):
        return when
    return timezone.localdate(when) if timezone.is_aware(when) else when.date()


@dataclass(frozen=True)
class Reading:
    """What a source read: the last publication, the period it covers, and for what is
    published as it is made, the deadlines of the things still owed."""

    published: object = None  # a date or datetime
    covered_from: date | None = None
    covered_to: date | None = None
    url: str = ""
    deadlines: tuple = ()
    # A register or page: complete "as at" the day of its last release.
    as_at: bool = False


@dataclass(frozen=True)
class Publication:
    published_on: date | None
    url: str
    covered_from: date | None = None
    covered_to: date | None = None
    deadlines: tuple = ()
    as_at: bool = False


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    url_name: str
    read: object  # (cache) -> Reading | date | datetime | None
    url_kwargs: tuple = ()

    def url(self):
        try:
            return reverse(self.url_name, kwargs=dict(self.url_kwargs))
        except NoReverseMatch:
            return ""

    def latest(self, cache=None):
        """The latest publication, or None; never raises for a missing app or table. Sources
        read through ``cache`` share one query for all published versions."""
        cache = {} if cache is None else cache
        cache.setdefault("today", timezone.localdate())
        try:
            reading = self.read(cache)
        except (LookupError, ImportError, DatabaseError, NoReverseMatch):
            logger.info("transparency source %s has nothing to read yet", self.key, exc_info=True)
            return None
        if reading is None:
            return None
        if not isinstance(reading, Reading):
            # A register or page is "as at" the day it was last released.
            day = _day(reading)
            reading = Reading(published=day, covered_from=day, covered_to=day, as_at=True)
        published = _day(reading.published)
        if published is None and not reading.deadlines:
            return None
        return Publication(
            published_on=published,
            url=reading.url or self.url(),
            covered_from=reading.covered_from,
            covered_to=reading.covered_to,
            deadlines=tuple(reading.deadlines),
            as_at=reading.as_at,
        )


def _latest_version(*labels):
    """The latest READY version's date for any of the models ``app_label.model``."""

    def read(cache):
        from pcc_portal.publications.models import Version

        if "versions" not in cache:
            rows = (
                Version.objects.ready()
                .values("content_type__app_label", "content_type__model")
                .annotate(latest=Max("ready_at"))
            )
            cache["versions"] = {
                f"{r['content_type__app_label']}.{r['content_type__model']}": r["latest"]
                for r in rows
            }
        dates = [cache["versions"][label] for label in labels if label in cache["versions"]]
        return max(dates) if dates else None

    return read


def _latest_page(slug):
    def read(cache):
        from pcc_portal.pages.models import ContentPage
        from pcc_portal.publications.models import Version

        page = ContentPage.objects.public().filter(slug=slug).first()
        version = page and Version.objects.latest_ready_for(page)
        return version.ready_at if version else None

    return read


def _latest_entry(model_name):
    def read(cache):
        from django.apps import apps

        from .selectors import published_records

        model = apps.get_model("transparency", model_name)
        return published_records(model).aggregate(latest=Max("ready_at"))["latest"]

    return read


def _ready_at(obj):
    from pcc_portal.publications.models import Version

    version = Version.objects.latest_ready_for(obj)
    return version.ready_at if version else None


def _decisions(cache):
    """Each signed decision is due for publication three working days after its signature
    (``decisions.deadlines``); the item is overdue while any is past that unpublished."""
    from decisions.models import Decision

    owed = Decision.objects.filter(
        status=Decision.Status.SIGNED, published_at__isnull=True, decision_date__isnull=False
    ).order_by("decision_date", "pk")
    deadlines = tuple(
        Deadline(
            what=f"Decision {decision.reference or decision.title}",
            due_on=decision.publication_due_on,
            url=decision.get_manage_url(),
        )
        for decision in owed
    )
    published = _latest_version("decisions.decision")(cache)
    return Reading(published=published, covered_to=_day(published), deadlines=deadlines)


def _panel_meetings(cache):
    """The Panel's meetings of the last year and to come (not its task and finish groups'):
    each agenda is due five clear working days before its meeting."""
    from panel.models import Meeting

    today = cache["today"]
    meetings = (
        Meeting.objects.filter(
            group__isnull=True,
            status__in=[Meeting.Status.SCHEDULED, Meeting.Status.HELD],
            date__gte=today - AS_MADE_LOOKBACK,
        )
        .select_related("panel")
        .order_by("date")
    )
    cache["panel_meetings"] = list(meetings)
    return cache["panel_meetings"]


def _agendas(cache):
    from panel.selectors import agenda_timeliness

    meetings = _panel_meetings(cache)
    deadlines = tuple(
        Deadline(
            what=f"Agenda of the meeting on {timeliness.meeting.date:%-d %B %Y}",
            due_on=timeliness.due_on,
            published_on=timeliness.published_on,
            url=timeliness.meeting.get_manage_url(),
        )
        for timeliness in agenda_timeliness(meetings)
    )
    days = [_day(_latest_version("panel.agendapack", "panel.report")(cache))]
    days += [deadline.published_on for deadline in deadlines]
    published = max((day for day in days if day), default=None)
    return Reading(published=published, covered_to=published, deadlines=deadlines)


def _minutes(cache):
    """The minutes of each meeting the Panel held go to its next meeting to be agreed (the
    "Minutes of the last meeting" item of its agenda): they are due by the time that meeting's
    agenda is due, five clear working days before it. Until a next meeting is arranged they
    have no deadline."""
    from django.contrib.contenttypes.models import ContentType

    from panel.models import Meeting, Minutes
    from pcc_portal.publications.models import Version

    today = cache["today"]
    meetings = _panel_meetings(cache)
    held = [m for m in meetings if m.status == Meeting.Status.HELD and m.date < today]
    records = dict(Minutes.objects.filter(meeting__in=held).values_list("meeting_id", "pk"))
    first = dict(
        Version.objects.ready()
        .filter(
            content_type=ContentType.objects.get_for_model(Minutes, for_concrete_model=False),
            object_id__in=list(records.values()),
        )
        .values("object_id")
        .annotate(first=Min("ready_at"))
        .values_list("object_id", "first")
    )
    deadlines = []
    for meeting in held:
        following = next((m for m in meetings if m.date > meeting.date), None)
        if following is None:
            continue
        deadlines.append(
            Deadline(
                what=f"Minutes of the meeting on {meeting.date:%-d %B %Y}",
                due_on=following.agenda_due_on,
                published_on=_day(first.get(records.get(meeting.pk))),
                url=meeting.get_manage_url(),
            )
        )
    days = [_day(_latest_version("panel.minutes")(cache))]
    days += [deadline.published_on for deadline in deadlines]
    published = max((day for day in days if day), default=None)
    return Reading(published=published, covered_to=published, deadlines=tuple(deadlines))


def _plan(cache):
    """The plan the public reads, for the term it covers."""
    from plans.models import Plan

    plan = Plan.objects.public().order_by("-term_start", "-pk").first()
    if plan is None:
        return None
    return Reading(
        published=_ready_at(plan),
        covered_from=plan.term_start,
        covered_to=plan.term_end,
        url=plan.get_absolute_url(),
    )


def _quarterly_report(*, national_statement=False):
    """The latest quarterly performance report the public reads, for the quarter it covers;
    with ``national_statement``, the latest that carries the statement on the national
    priorities for policing (para 7A(a))."""

    def read(cache):
        from performance.models import QuarterlyReport

        reports = QuarterlyReport.objects.public()
        if national_statement:
            reports = reports.exclude(national_statement="")
        report = reports.order_by("-financial_year", "-quarter").first()
        if report is None:
            return None
        return Reading(
            published=_ready_at(report),
            covered_from=report.period.start,
            covered_to=report.period.end,
            url=report.get_absolute_url(),
        )

    return read


def _scrutiny_meeting(cache):
    from performance.models import ScrutinyMeeting

    meeting = ScrutinyMeeting.objects.public().order_by("-date").first()
    if meeting is None:
        return None
    return Reading(published=_ready_at(meeting), covered_from=meeting.date, covered_to=meeting.date)


def _decisions_report(cache):
    from decisions.models import DecisionsReport

    report = DecisionsReport.objects.public().order_by("-period_end", "-pk").first()
    if report is None:
        return None
    return Reading(
        published=_ready_at(report),
        covered_from=report.period_start,
        covered_to=report.period_end,
    )


def _spending(cache):
    """The latest month of spending released, for that month."""
    from .freshness import month_end
    from .models import SpendingUpload

    upload = SpendingUpload.objects.public().order_by("-month").first()
    if upload is None:
        return None
    return Reading(
        published=upload.released_at or _ready_at(upload),
        covered_from=upload.month,
        covered_to=month_end(upload.month.year, upload.month.month),
    )


SOURCES = {
    source.key: source
    for source in [
        Source(
            "decisions",
            "The decisions register",
            "decisions:register",
            _decisions,
        ),
        Source(
            "decisions-report",
            "Decisions reports to the Panel",
            "decisions:register",
            _decisions_report,
        ),
        Source(
            "forward-plan",
            "The forward plan",
            "transparency:forward_plan",
            _latest_entry("ForwardPlanEntry"),
        ),
        Source(
            "panel-meetings",
            "Police and Crime Panel agendas and papers",
            "panel:meetings",
            _agendas,
        ),
        Source(
            "panel-minutes",
            "Police and Crime Panel minutes",
            "panel:meetings",
            _minutes,
        ),
        Source("plan", "The police and crime plan", "plans:list", _plan),
        Source(
            "performance-reports",
            "Quarterly performance reports",
            "performance:dashboard",
            _quarterly_report(),
        ),
        Source(
            "national-statement",
            "The national statement in the quarterly performance reports",
            "performance:dashboard",
            _quarterly_report(national_statement=True),
        ),
        Source(
            "scrutiny-meetings",
            "Strategic scrutiny meetings",
            "performance:dashboard",
            _scrutiny_meeting,
        ),
        Source(
            "spending",
            "Spending over £500",
            "transparency:register",
            _spending,
            (("register", "spending"),),
        ),
        Source(
            "grants",
            "Crime and disorder reduction grants",
            "transparency:register",
            _latest_entry("Grant"),
            (("register", "grants"),),
        ),
        Source(
            "contracts",
            "Contracts over £10,000",
            "transparency:register",
            _latest_entry("Contract"),
            (("register", "contracts"),),
        ),
        Source(
            "small-contracts",
            "Contracts of £10,000 or less",
            "transparency:small_contracts",
            _latest_entry("SmallContract"),
        ),
        Source(
            "interests",
            "Register of interests",
            "transparency:register",
            _latest_entry("Interest"),
            (("register", "interests"),),
        ),
        Source(
            "gifts",
            "Gifts and hospitality",
            "transparency:register",
            _latest_entry("GiftHospitality"),
            (("register", "gifts-and-hospitality"),),
        ),
        Source(
            "about",
            "About the Commissioner",
            "pages:detail",
            _latest_page("about-the-commissioner"),
            (("slug", "about-the-commissioner"),),
        ),
        Source(
            "roles",
            "Roles and responsibilities",
            "pages:detail",
            _latest_page("roles-and-responsibilities"),
            (("slug", "roles-and-responsibilities"),),
        ),
    ]
}


def choices():
    return [("", "None: staff upload it")] + [(key, s.label) for key, s in SOURCES.items()]
