"""The casework services that save what staff typed: each saves with who did it in the
object's history."""

import datetime

import pytest

from casework import services
from casework.models import QuestionWindow
from tests.casework.factories import CaseFactory
from tests.panel.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_changing_a_case_saves_it_with_who_changed_it_in_its_history(panel_secretary):
    case = CaseFactory(summary="Before")
    case.summary = "After"
    services.change_case(case=case, by=panel_secretary)
    case.refresh_from_db()
    assert case.summary == "After"
    assert case.history.first().history_change_reason == f"Changed by {panel_secretary}"


def test_a_question_window_is_opened_and_then_changed_with_who_set_it(panel_secretary):
    meeting = MeetingFactory(date=datetime.date(2030, 2, 1))
    deadline = datetime.datetime(2030, 1, 25, 12, 0, tzinfo=datetime.UTC)
    window = services.set_question_window(
        window=QuestionWindow(meeting=meeting, deadline=deadline), by=panel_secretary
    )
    window.limit_per_person = 1
    services.set_question_window(window=window, by=panel_secretary)
    assert QuestionWindow.objects.get(meeting=meeting).limit_per_person == 1
    assert [entry.history_change_reason for entry in window.history.all()] == [
        f"Set by {panel_secretary}",
        f"Set by {panel_secretary}",
    ]
