"""The staff pages listing import runs and their reports."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from imports.models import ImportRun
from tests.access import AccessRule


def make_run(**fields):
    now = timezone.now()
    fields = {
        "source": ImportRun.Source.MODERNGOV,
        "location": "/srv/moderngov-export",
        "status": ImportRun.Status.SUCCEEDED,
        "started_at": now,
        "finished_at": now,
        **fields,
    }
    return ImportRun.objects.create(**fields)


class TestRunListAccess(AccessRule):
    url_name = "imports:runs"
    access = "imports.view_importrun"


class TestRunDetailAccess(AccessRule):
    url_name = "imports:run"
    access = "imports.view_importrun"

    def make_url_kwargs(self):
        return {"pk": make_run().pk}


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.django_db
def test_the_list_shows_each_run_with_its_result(staff_client):
    make_run(created_count=2)
    make_run(status=ImportRun.Status.FAILED, error="GetMeeting-9.xml is not well-formed XML")

    page = staff_client.get(reverse("imports:runs")).content.decode()

    assert page.count('href="/manage/imports/runs/') == 2
    assert "Failed: nothing changed" in page
    assert "Imported" in page


@pytest.mark.django_db
def test_every_run_is_listed_a_page_at_a_time_latest_first(
    staff_client, django_assert_max_num_queries
):
    """Ten years of nightly runs are all reachable, not only the latest hundred, in as many
    queries as one run takes."""
    runs = [make_run(created_count=0)]
    with django_assert_max_num_queries(10) as one:
        staff_client.get(reverse("imports:runs"))
    runs += [make_run(created_count=n) for n in range(1, 51)]
    with django_assert_max_num_queries(len(one.captured_queries)):
        first = staff_client.get(reverse("imports:runs")).content.decode()
    second = staff_client.get(reverse("imports:runs") + "?page=2").content.decode()
    assert first.count('href="/manage/imports/runs/') == 50
    assert runs[-1].get_absolute_url() in first and runs[0].get_absolute_url() not in first
    assert 'aria-label="Pages of runs"' in first and 'href="?page=2" rel="next"' in first
    assert second.count('href="/manage/imports/runs/') == 1
    assert runs[0].get_absolute_url() in second


@pytest.mark.django_db
def test_a_run_shows_its_report(staff_client, sample, run_import):
    run = run_import(sample, committee_id="136", date_to=datetime.date(2021, 12, 31))

    page = staff_client.get(run.get_absolute_url()).content.decode()

    assert "Meeting 4790 of 6 December 2021" in page
    assert "2 created, 0 updated, 0 unchanged, 0 skipped" in page
    assert "(attachment 9204) was not in the source" in page
    assert "2021-12-31" in page


@pytest.mark.django_db
def test_a_failed_run_says_why_nothing_was_imported(staff_client):
    run = make_run(status=ImportRun.Status.FAILED, error="GetMeeting-9.xml is not well-formed")

    page = staff_client.get(run.get_absolute_url()).content.decode()

    assert "Nothing was imported" in page
    assert "GetMeeting-9.xml is not well-formed" in page


@pytest.mark.django_db
def test_the_roles_that_import_have_the_pages(client, panel_secretary, editor, panel_member):
    assert panel_secretary.has_perm("imports.view_importrun")
    assert not panel_secretary.has_perm("imports.add_decisionimport")
    assert editor.has_perm("imports.apply_decisionimport")
    assert not panel_member.has_perm("imports.view_importrun")
    client.force_login(panel_secretary)
    assert client.get(reverse("imports:runs")).status_code == 200
