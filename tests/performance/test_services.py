"""The performance services that add to a measure, a report or a meeting's record."""

import datetime

import pytest

from performance import services
from performance.models import MeasureCommentary, Paper, ReportCommentary, ScrutinyAction
from tests.performance.factories import PaperFactory, QuarterlyReportFactory, ScrutinyMeetingFactory
from tests.plans.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def test_commentary_is_added_to_the_measure_with_its_writer(measure, editor):
    commentary = services.add_commentary(
        measure=measure,
        commentary=MeasureCommentary(date=datetime.date(2021, 10, 1), text="Incidents fell."),
        by=editor,
    )
    commentary.refresh_from_db()
    assert (commentary.measure, commentary.written_by) == (measure, editor)


def test_report_commentary_is_saved_per_priority_and_an_unchanged_one_left_alone(
    plan, priority, editor
):
    second = PriorityFactory(plan=plan, number=2, title="Targeting dangerous drivers")
    report = QuarterlyReportFactory(plan=plan)
    services.save_report_commentary(
        report=report, texts={priority: "ASB fell.", second: "Unchanged."}, by=editor
    )
    services.save_report_commentary(
        report=report, texts={priority: "ASB fell again.", second: "Unchanged."}, by=editor
    )
    saved = {c.priority: c for c in ReportCommentary.objects.filter(report=report)}
    assert {p: c.text for p, c in saved.items()} == {
        priority: "ASB fell again.",
        second: "Unchanged.",
    }
    assert saved[second].history.count() == 1  # the second save did not touch it
    assert saved[priority].history.first().history_user == editor


def test_a_paper_is_added_after_the_meetings_papers(editor):
    meeting = ScrutinyMeetingFactory()
    PaperFactory(meeting=meeting, order=1)
    paper = services.add_paper(meeting=meeting, paper=Paper(title="Road safety"), by=editor)
    assert (paper.meeting, paper.order) == (meeting, 2)
    assert paper.history.first().history_user == editor


def test_a_paper_added_after_one_was_removed_still_goes_last(editor):
    meeting = ScrutinyMeetingFactory()
    PaperFactory(meeting=meeting, order=1)
    PaperFactory(meeting=meeting, order=2).delete()
    PaperFactory(meeting=meeting, order=3)
    paper = services.add_paper(meeting=meeting, paper=Paper(title="Road safety"), by=editor)
    assert paper.order == 4
    assert list(meeting.papers.values_list("title", flat=True))[-1] == "Road safety"


def test_an_action_is_added_to_the_meeting_with_its_priorities(priority, editor):
    meeting = ScrutinyMeetingFactory()
    action = services.add_action(
        meeting=meeting,
        action=ScrutinyAction(
            description="Report on 101 call answering times.",
            owner="Chief Constable",
            due_date=datetime.date(2022, 2, 1),
        ),
        priorities=[priority],
        by=editor,
    )
    action.refresh_from_db()
    assert action.raised_at == meeting
    assert list(action.priorities.all()) == [priority]
    assert action.history.first().history_user == editor
