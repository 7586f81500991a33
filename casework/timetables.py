"""The statutory timetables of the Panel's casework, computed from dates, and the veto rules.

The precept: the Police Reform and Social Responsibility Act 2011, Schedule 5, and the Police
and Crime Panels (Precepts and Chief Constable Appointments) Regulations 2012. Confirmation
hearings: Schedule 1 (the Deputy, the chief executive and the chief finance officer) and
Schedule 8 with the 2012 Regulations (the Chief Constable). The annual report: section 28(4).
Complaints: the Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import Case, Step

# A period "beginning with the day" the Panel is notified counts that day as its first.
THREE_WEEKS = datetime.timedelta(weeks=3) - datetime.timedelta(days=1)


def veto_majority(members_in_office):
    """The votes a veto needs: two-thirds of the persons who are members of the Panel at the
    time, rounded up. A vacant seat is not a member, so it neither counts nor votes."""
    if members_in_office < 1:
        raise ValueError("A panel with no members cannot vote.")
    return -(-2 * members_in_office // 3)


def veto_refused(*, case, step_kind):
    """Why the Panel may not veto at this step of this case, or "" when it may."""
    if case.kind == Case.Kind.ANNUAL_REPORT:
        return "The Panel may make a report or recommendations on the annual report, not veto it."
    if step_kind != Step.Kind.REPORT:
        return "Only the Panel's first report on a proposal may veto it."
    if case.kind == Case.Kind.CONFIRMATION:
        if case.post != Case.Post.CHIEF_CONSTABLE:
            return (
                f"The Panel may recommend against appointing a {case.get_post_display()}, but "
                "only a Chief Constable's appointment may be vetoed."
            )
        if case.reserve_for_id:
            return "The Panel may not veto the appointment of a reserve candidate."
    return ""


def precept_due(year):
    """The statutory dates of the precept for the financial year starting in April ``year``."""
    return {
        Step.Kind.PROPOSAL: datetime.date(year, 2, 1),
        Step.Kind.REPORT: datetime.date(year, 2, 8),
        Step.Kind.REVISED: datetime.date(year, 2, 15),
        Step.Kind.SECOND_REPORT: datetime.date(year, 2, 22),
        # Precepts are issued before 1 March (Local Government Finance Act 1992, s40).
        Step.Kind.FINAL: datetime.date(year, 3, 1) - datetime.timedelta(days=1),
    }


def confirmation_report_due(notified_on):
    """The Panel reviews a proposed appointment and reports within three weeks, beginning with
    the day it was notified."""
    return notified_on + THREE_WEEKS


@dataclass(frozen=True)
class Milestone:
    kind: str
    label: str
    due: datetime.date | None
    done_on: datetime.date | None
    rule: str

    def status(self, today):
        if self.done_on:
            return "late" if self.due and self.done_on > self.due else "done"
        if self.due and today > self.due:
            return "overdue"
        return "due"

    def status_label(self, today):
        return {
            "done": "Done",
            "late": "Done late",
            "overdue": "Overdue",
            "due": "To do",
        }[self.status(today)]


@dataclass(frozen=True)
class Timetable:
    case: Case
    milestones: list
    today: datetime.date

    @property
    def rows(self):
        return [(m, m.status(self.today), m.status_label(self.today)) for m in self.milestones]

    @property
    def next_due(self):
        open_ = [m for m in self.milestones if not m.done_on]
        return open_[0] if open_ else None

    @property
    def overdue(self):
        return [m for m in self.milestones if m.status(self.today) == "overdue"]


def _vetoed(steps):
    report = steps.get(Step.Kind.REPORT)
    return report is not None and report.outcome == Step.Outcome.VETOED


def timetable(case, *, steps=None, today=None):
    """Each step the case needs, with its statutory date and when it was done."""
    from .models import STEP_LABELS

    today = today or timezone.localdate()
    steps = {s.kind: s for s in (steps if steps is not None else case.steps.all())}
    labels = STEP_LABELS[case.kind]

    def milestone(kind, due, rule):
        step = steps.get(kind)
        return Milestone(kind, labels[kind], due, step.date if step else None, rule)

    if case.kind == Case.Kind.PRECEPT:
        due = precept_due(case.year)
        rows = [
            milestone(Step.Kind.PROPOSAL, due[Step.Kind.PROPOSAL], "By 1 February"),
            milestone(Step.Kind.HEARING, due[Step.Kind.REPORT], "Before the Panel reports"),
            milestone(Step.Kind.REPORT, due[Step.Kind.REPORT], "By 8 February"),
        ]
        if _vetoed(steps):
            rows += [
                milestone(Step.Kind.REVISED, due[Step.Kind.REVISED], "By 15 February"),
                milestone(Step.Kind.SECOND_REPORT, due[Step.Kind.SECOND_REPORT], "By 22 February"),
            ]
        rows += [
            milestone(Step.Kind.RESPONSE, due[Step.Kind.FINAL], "Before the precept is issued"),
            milestone(Step.Kind.FINAL, due[Step.Kind.FINAL], "Before 1 March"),
        ]
    elif case.kind == Case.Kind.CONFIRMATION:
        proposal = steps.get(Step.Kind.PROPOSAL)
        report_due = confirmation_report_due(proposal.date) if proposal else None
        rows = [
            milestone(Step.Kind.PROPOSAL, None, "Starts the three weeks"),
            milestone(Step.Kind.HEARING, report_due, "In public, before the Panel reports"),
            milestone(Step.Kind.REPORT, report_due, "Within three weeks of the notification"),
            milestone(Step.Kind.RESPONSE, None, "Accepts or rejects the recommendation"),
        ]
    else:
        rows = [
            milestone(Step.Kind.PROPOSAL, None, "Sent to the Panel"),
            milestone(Step.Kind.HEARING, None, "As soon as practicable, in public"),
            milestone(Step.Kind.REPORT, None, "A report or recommendations"),
            milestone(Step.Kind.RESPONSE, None, "Published with the Panel's report"),
        ]
    return Timetable(case=case, milestones=rows, today=today)
