"""The staff pages of imports in a real browser, checked with axe at a phone's and a desktop's
width."""

import pytest

from imports.models import ImportRun
from tests.browser.conftest import (
    check_at_widths,
    reauthenticate_if_asked,
    sign_in,
    visit_at_widths,
)
from tests.browser.staff_pages import submit
from tests.imports.test_pages import make_run

pytestmark = pytest.mark.browser


def _upload_and_check(page, label, spreadsheet, **zips):
    """Choose ``spreadsheet`` for the field ``label`` and each ZIP for the input of its name, and
    press "Upload and check"; the page it answers is checked at both widths by the test."""
    page.locator("main").get_by_label(label).set_input_files(str(spreadsheet))
    for name, path in zips.items():
        page.locator(f"main input[name={name}]").set_input_files(str(path))
    submit(page, "Upload and check", accessibility=False)


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


def test_staff_upload_check_and_apply_historic_decisions(
    page, live_server, superuser, tmp_path, decision_maker, deputy
):
    # decision_maker and deputy hold the offices the spreadsheet names.
    from tests.imports.test_decisions import GOOD, HEADER, zip_file

    good, bad = tmp_path / "decisions.csv", tmp_path / "bad.csv"
    good.write_text(GOOD)
    bad.write_text(HEADER + "2021-27,,32/13/2021,The Mayor,,,perhaps,\n")
    notices = tmp_path / "notices.zip"
    notices.write_bytes(zip_file().read())
    sign_in(page, live_server, superuser)

    visit_at_widths(page, "/manage/imports/decisions/")
    visit_at_widths(page, "/manage/imports/decisions/upload/")
    _upload_and_check(page, "Spreadsheet of decisions", good)
    assert page.title().startswith("Error: ")  # no ZIP for decisions that are not restricted
    check_at_widths(page)
    assert "28-2021.pdf is not in the ZIP." in page.locator("#import-errors").inner_text()

    visit_at_widths(page, "/manage/imports/decisions/upload/")
    _upload_and_check(page, "Spreadsheet of decisions", bad)
    check_at_widths(page)
    assert "“2021-27” is not a reference" in page.locator("#import-errors").inner_text()

    visit_at_widths(page, "/manage/imports/decisions/upload/")
    _upload_and_check(page, "Spreadsheet of decisions", good, notices=notices)
    check_at_widths(page)
    assert "Problems" not in page.locator("main").inner_text()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Import and publish all 3 decisions").click(
            timeout=60_000
        )
    reauthenticate_if_asked(page, timeout=60_000)
    check_at_widths(page)
    assert "3 decisions imported and published" in page.locator("main").inner_text()
    visit_at_widths(page, "/decisions/2021/27/")


def test_staff_upload_check_and_release_register_entries(page, live_server, editor, tmp_path):
    from tests.imports.register_tables import GIFTS, _only_known

    good, bad = tmp_path / "gifts.csv", tmp_path / "bad.csv"
    good.write_text(_only_known(GIFTS, "gifts-and-hospitality"))
    bad.write_text(
        _only_known(
            GIFTS.splitlines()[0] + "\n31/02/2022,,Commissioner,2021-22,A firm,Present,A pen,"
            "ten pounds,Kept\n",
            "gifts-and-hospitality",
        )
    )
    sign_in(page, live_server, editor)

    visit_at_widths(page, "/manage/imports/registers/")
    visit_at_widths(page, "/manage/imports/registers/gifts-and-hospitality/")
    assert "Accepted or declined" in page.locator("main dl").inner_text()
    _upload_and_check(page, "Spreadsheet of entries", bad)
    assert page.title().startswith("Error: ")
    check_at_widths(page)
    assert "“ten pounds” is not an amount" in page.locator("#import-errors").inner_text()

    visit_at_widths(page, "/manage/imports/registers/gifts-and-hospitality/")
    _upload_and_check(page, "Spreadsheet of entries", good)
    check_at_widths(page)
    assert "Lancashire Business Awards" in page.locator("main table").inner_text()
    # Applying with nothing chosen answers 400 with the form again.
    submit(page, "Import the new entries", accessibility=False)
    assert page.title().startswith("Error: ")  # nothing chosen yet
    check_at_widths(page)
    page.locator("main").get_by_label("Release them now", exact=False).check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Import the new entries").click(
            timeout=60_000
        )
    reauthenticate_if_asked(page, timeout=60_000)
    check_at_widths(page)
    assert "2 entries imported and released." in page.locator("main").inner_text()
    # The public register's own widths are checked by its own tests.
    page.goto("/transparency/gifts-and-hospitality/")
    assert "Lancashire Business Awards" in page.locator("main").inner_text()


def test_staff_upload_contracts_with_a_zip_of_their_copies(page, live_server, editor, tmp_path):
    from tests.imports.test_register_files import FILES, HEADER, ROWS, _zip
    from tests.publications.hostile_pdfs import untagged_pdf

    table, copies, stray = tmp_path / "contracts.csv", tmp_path / "copies.zip", tmp_path / "x.zip"
    table.write_text("\n".join([HEADER, *ROWS]) + "\n")
    copies.write_bytes(_zip(FILES))
    stray.write_bytes(_zip({**FILES, "minutes.pdf": untagged_pdf("STRAY")}))
    sign_in(page, live_server, editor)

    visit_at_widths(page, "/manage/imports/registers/contracts/")
    assert "PDF in the ZIP" in page.locator("main dl").inner_text()
    _upload_and_check(page, "Spreadsheet of entries", table, files=stray)
    assert page.title().startswith("Error: ")
    check_at_widths(page)
    assert (
        "minutes.pdf is in the ZIP but no row names it"
        in page.locator("#import-errors").inner_text()
    )

    visit_at_widths(page, "/manage/imports/registers/contracts/")
    _upload_and_check(page, "Spreadsheet of entries", table, files=copies)
    check_at_widths(page)
    listed = page.locator("#import-files").inner_text()
    assert "itt-044.pdf" in listed and "removed: JavaScript" in listed
