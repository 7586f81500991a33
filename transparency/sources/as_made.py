"""Sources for what is published as it is made, each thing with its deadline: decisions, and
the Panel's agendas and minutes."""

from datetime import timedelta

from django.db.models import Min

from decisions.models import Decision
from panel.models import Meeting, Minutes
from panel.selectors import agenda_timeliness

from ..freshness import Deadline
from .latest import _latest_version
from .readings import Reading, _day

# How far back the index looks for agendas and minutes that are still owed.
AS_MADE_LOOKBACK = timedelta(days=365)


def _decisions(cache):
    """Each signed decision is due for publication three working days after its signature
    (``decisions.deadlines``); the item is overdue while any is past that unpublished."""
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
    meetings = _panel_meetings(cache)
    deadlines = tuple(
        Deadline(
            what=f"Agenda of the meeting on {timeliness.meeting.date:%-d %B %Y}",
            due_on=timeliness.due_on,
            published_on=timeliness.published_on,
            url=timeliness.meeting.get_manage_url(),
        )
        for timeliness in agenda_timeliness(meetings=meetings)
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
