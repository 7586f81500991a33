"""The home page: the current plan and its priorities, the latest decisions, the next meetings."""

import datetime

import pytest

from panel.models import Meeting
from tests.plans.helpers import published_plan


@pytest.mark.django_db
def test_the_home_page_shows_the_current_plan_and_its_priorities(client):
    plan = published_plan()
    page = client.get("/").content.decode()
    assert plan.title in page
    for priority in plan.priorities.all():
        assert priority.title in page
        assert priority.get_absolute_url() in page


@pytest.mark.django_db
def test_the_home_page_says_so_when_nothing_is_published(client):
    page = client.get("/").content.decode()
    assert "No plan is in force yet." in page
    assert "No decisions have been published yet." in page
    assert "No meetings are arranged yet." in page


@pytest.mark.django_db
def test_the_home_page_lists_the_next_meetings_only(client):
    from tests.panel.factories import MeetingFactory

    today = datetime.date.today()  # noqa: DTZ011 (the meeting dates are calendar dates)
    MeetingFactory(date=today - datetime.timedelta(days=30))
    coming = MeetingFactory(date=today + datetime.timedelta(days=30))
    page = client.get("/").content.decode()
    assert coming.get_absolute_url() in page
    assert Meeting.objects.count() == 2
    assert page.count("/panel/meetings/20") == 1


@pytest.mark.django_db
def test_the_home_page_has_a_flat_query_count(client, django_assert_max_num_queries):
    published_plan()
    with django_assert_max_num_queries(12):
        client.get("/")
