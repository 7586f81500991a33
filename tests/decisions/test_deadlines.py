"""Part 1 is due 3 working days after signature; bank holidays in England and Wales don't count."""

import datetime

import pytest
from django.urls import reverse

from decisions.deadlines import add_working_days, publication_due_on
from decisions.selectors import dashboard_attention
from tests.decisions.conftest import at

D = datetime.date


def test_a_signature_on_the_thursday_before_easter_is_due_the_thursday_after():
    # Good Friday 29 March and Easter Monday 1 April 2024 are bank holidays.
    assert publication_due_on(D(2024, 3, 28)) == D(2024, 4, 4)


def test_an_ordinary_week():
    assert publication_due_on(D(2021, 11, 3)) == D(2021, 11, 8)  # Wednesday to Monday
    assert publication_due_on(D(2021, 11, 1)) == D(2021, 11, 4)  # Monday to Thursday


def test_christmas_and_new_year_substitute_days_are_skipped():
    # 27 and 28 December 2021 were substitute bank holidays; 3 January 2022 too.
    assert publication_due_on(D(2021, 12, 24)) == D(2021, 12, 31)
    assert add_working_days(D(2021, 12, 31), 1) == D(2022, 1, 4)


def test_a_signature_on_a_weekend_counts_from_the_next_working_day():
    assert publication_due_on(D(2021, 11, 6)) == D(2021, 11, 10)


@pytest.mark.django_db
def test_the_dashboard_lists_decisions_due_and_overdue(sign, editor, client):
    overdue = sign(signed_at=at(2024, 3, 28), title="Victim Services Contract Award")
    due = sign(signed_at=at(2024, 4, 3), title="Financial position as at 31 March")
    attention = dashboard_attention(user=editor, today=D(2024, 4, 5))
    rows = {item["decision"].pk: item for item in attention["awaiting_publication"]}
    assert rows[overdue.pk]["due"] == D(2024, 4, 4) and rows[overdue.pk]["overdue"]
    assert rows[due.pk]["due"] == D(2024, 4, 8) and not rows[due.pk]["overdue"]
    assert [item["decision"] for item in attention["awaiting_publication"]] == [overdue, due]

    client.force_login(editor)
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert "Signed decisions to publish" in page
    assert "Victim Services Contract Award" in page and "Overdue" in page
    assert "Financial position as at 31 March" in page


@pytest.mark.django_db
def test_a_published_decision_leaves_the_dashboard(sign, editor, publish_decision):
    decision = sign(signed_at=at(2024, 3, 28))
    publish_decision(decision)
    assert dashboard_attention(user=editor)["awaiting_publication"] == []
