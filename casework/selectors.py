"""Reads for the casework pages: a case with its steps and timetable, and the secretary's
dashboard of every open case."""

from django.utils import timezone

from panel.models import Meeting

from .models import Case
from .timetables import timetable, veto_majority


def case_page(case, *, today=None):
    steps = list(case.steps.all())
    table = timetable(case, steps=steps, today=today or timezone.localdate())
    for step in steps:
        step.case = case
        step.veto_needed = veto_majority(step.members_in_office) if step.members_in_office else None
    return {"case": case, "steps": steps, "timetable": table}


def open_cases(*, today=None):
    """Cases with a step still to do, each with its timetable, the soonest due first."""
    today = today or timezone.localdate()
    rows = []
    for case in Case.objects.prefetch_related("steps").select_related("meeting"):
        table = timetable(case, steps=list(case.steps.all()), today=today)
        if table.next_due is not None:
            rows.append(table)
    return sorted(rows, key=lambda t: (t.next_due.due is None, t.next_due.due or today, t.case.pk))


def dashboard(user, *, today=None):
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
