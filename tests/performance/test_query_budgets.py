"""List pages and exports answer in a fixed number of queries however many rows they list."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance import services
from tests.performance.factories import (
    DataPointFactory,
    QuarterlyReportFactory,
    ScrutinyActionFactory,
    ScrutinyMeetingFactory,
    mark_published,
)
from tests.plans.factories import MeasureFactory


def _many(plan, editor, count, start=0):
    for n in range(start, start + count):
        meeting = ScrutinyMeetingFactory(date=datetime.date(2020, 1, 1) + datetime.timedelta(n))
        ScrutinyActionFactory(raised_at=meeting)
        QuarterlyReportFactory(plan=plan, financial_year=2000 + n, quarter=1)
        measure = MeasureFactory(priority__plan=plan)
        DataPointFactory(measure=measure)
        services.upload_import(
            plan=plan, upload=SimpleUploadedFile("f.csv", b"measure,period,value\n"), by=editor
        )


@pytest.mark.parametrize(
    ("url_name", "budget"),
    [
        ("performance_manage:index", 14),
        ("performance_manage:imports", 10),
        ("performance_manage:reports", 10),
        ("performance_manage:meetings", 10),
    ],
)
def test_staff_lists_have_a_query_budget(
    client, plan, editor, url_name, budget, django_assert_max_num_queries
):
    client.force_login(editor)
    _many(plan, editor, 2)
    with django_assert_max_num_queries(budget) as few:
        assert client.get(reverse(url_name)).status_code == 200
    _many(plan, editor, 8, start=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(url_name)).status_code == 200


def _published(plan, editor, count, start=0):
    """Quarterly reports and scrutiny meetings the public sees."""
    for n in range(start, start + count):
        meeting = ScrutinyMeetingFactory(date=datetime.date(2020, 1, 1) + datetime.timedelta(n))
        mark_published(meeting, by=editor)
        report = QuarterlyReportFactory(plan=plan, financial_year=2000 + n, quarter=1)
        mark_published(report, by=editor)


@pytest.mark.parametrize(
    ("url_name", "listed"),
    [("performance:reports", "reports"), ("performance:meetings", "meetings")],
)
def test_public_lists_have_a_query_budget(
    client, plan, editor, url_name, listed, django_assert_max_num_queries
):
    mark_published(plan, by=editor)
    _published(plan, editor, 2)
    with django_assert_max_num_queries(4) as few:
        response = client.get(reverse(url_name))
    assert len(response.context[listed]) == 2
    _published(plan, editor, 8, start=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(url_name))
    assert len(response.context[listed]) == 10
