"""Demonstration data: quarterly figures for the 2021-2025 plan's measures, the quarterly report
for July to September 2021, and the strategic scrutiny meeting of 15 November 2021.

Figures are made up and flagged ``demonstration`` (every page that shows them says so), except
where the plan gives a real one: about 96,000 anti-social behaviour reports in 2020-21, and on the
roads in 2020 2,354 collisions with 3,213 casualties, 25 of them killed. Runs after plans.demo
and skips, saying why, if the 2021-2025 plan is not there.
"""

from plans.models import Plan

from .figures import FIRST, LAST, PLAN_SLUG, SHOWN_FROM, SOURCE, _load_figures
from .report import _load_commentary, _load_meeting, _load_report

__all__ = ["FIRST", "LAST", "PLAN_SLUG", "SHOWN_FROM", "SOURCE", "load"]


def load(*, publisher):
    plan = Plan.objects.filter(slug=PLAN_SLUG).first()
    if plan is None:
        return f"skipped: the plans demo has not made the plan {PLAN_SLUG!r} yet"
    figures = _load_figures(plan, publisher)
    commentary = _load_commentary(plan, publisher)
    report, report_made = _load_report(plan, publisher)
    meeting, meeting_made = _load_meeting(report, publisher)
    return (
        f"{figures} demonstration figures, {commentary} commentaries, "
        f"report {report.slug} {'made' if report_made else 'kept'}, "
        f"scrutiny meeting of {meeting.date:%-d %B %Y} {'made' if meeting_made else 'kept'}"
    )
