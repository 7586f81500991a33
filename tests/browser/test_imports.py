"""The staff pages of imports in a real browser, checked with axe at a phone's and a desktop's
width."""

import pytest

from imports.models import ImportRun
from tests.browser.conftest import sign_in, visit_at_widths
from tests.imports.test_pages import make_run

pytestmark = pytest.mark.browser


def test_staff_read_the_runs_and_a_runs_report(page, live_server, superuser):
    make_run(
        location="/srv/exports/moderngov-lancashire-police-and-crime-panel-2012-2021",
        created_count=1,
        skipped_count=1,
        options={"committee": "136", "from": "2021-01-01", "to": ""},
        changes=[
            {"record": "Meeting 4711 of 12 October 2021", "action": "created", "detail": ""},
            {
                "record": "Meeting 4790 of 6 December 2021",
                "action": "skipped",
                "detail": "a meeting on 6 December 2021 is already in the portal",
            },
        ],
        notes=["<meetingcommitteetitle> in a meeting was not imported: the portal has no place"],
    )
    failed = make_run(status=ImportRun.Status.FAILED, error="GetMeeting-4790.xml is malformed.")
    sign_in(page, live_server, superuser)

    visit_at_widths(page, "/manage/imports/")
    assert page.locator("main tbody tr").count() == 2

    visit_at_widths(page, ImportRun.objects.exclude(pk=failed.pk).get().get_absolute_url())
    assert "Meeting 4790 of 6 December 2021" in page.locator("main").inner_text()

    visit_at_widths(page, failed.get_absolute_url())
    assert "Nothing was imported" in page.locator(".govuk-error-summary").inner_text()
