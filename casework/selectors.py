"""Reads for the casework pages: a case with its steps and timetable, and the secretary's
dashboard of every open case."""

from django.utils import timezone

from panel.models import Meeting

from .models import Case
from .records import frozen_case
from .timetables import timetable, veto_majority


def _page(case, steps, today):
    table = timetable(case, steps=steps, today=today or timezone.localdate())
    for step in steps:
        step.case = case
        step.veto_needed = veto_majority(step.members_in_office) if step.members_in_office else None
    return {"case": case, "steps": steps, "timetable": table}


def case_page(*, case, today=None):
    """The staff page: the case as it stands, every step recorded, released or not."""
    return _page(case, list(case.steps.all()), today)


def public_case_page(*, version, today=None):
    """The public page: the case and its steps as ``version`` released them, with the
    timetable those steps give."""
    case, steps = frozen_case(version)
    return {**_page(case, steps, today), "version": version}


def public_cases(*, kind):
    """The released cases of ``kind`` with the titles and meetings the public was given."""
    rows = []
    for case in Case.objects.public().filter(kind=kind):
        version = case.live_version()
        if version is not None:
            rows.append(frozen_case(version)[0])
    return rows


def open_cases(*, today=None):
    """Cases with a step still to do, each with its timetable, the soonest due first."""
    today = today or timezone.localdate()
    rows = []
    for case in Case.objects.prefetch_related("steps").select_related("meeting"):
        table = timetable(case, steps=list(case.steps.all()), today=today)
        if table.next_due is not None:
            rows.append(table)
    return sorted(rows, key=lambda t: (t.next_due.due is None, t.next_due.due or today, t.case.pk))


def dashboard(*, user, today=None):
    today = today or timezone.localdate()
    return {
        "open_cases": open_cases(today=today),
        "closed_cases": [
            c
            for c in Case.objects.prefetch_related("steps")
            if timetable(c, steps=list(c.steps.all()), today=today).next_due is None
        ],
        "kinds": Case.Kind,
        "today": today,
        "meetings": Meeting.objects.filter(date__gte=today)
        .select_related("question_window")
        .order_by("date")[:6],
    }
