"""Importing the panel's meetings from Modern.gov: the sample folder saved from one."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from imports.models import ImportedRecord, ImportRun
from panel.models import AgendaItem, AgendaPack, Meeting, Minutes, PackPaper, Paper, Resolution
from pcc_portal.publications.models import Version

pytestmark = pytest.mark.django_db

OCTOBER, DECEMBER = datetime.date(2021, 10, 12), datetime.date(2021, 12, 6)


def _pack_versions(meeting):
    return Version.objects.for_object(AgendaPack.objects.get(meeting=meeting)).order_by("number")


def test_meetings_come_in_with_their_status_venue_agenda_papers_and_minutes(sample, run_import):
    run = run_import(sample, committee_id="136")

    assert run.status == ImportRun.Status.SUCCEEDED, run.error
    assert (run.created_count, run.updated_count, run.skipped_count) == (2, 0, 0)
    october, december = Meeting.objects.order_by("date")
    assert (october.date, december.date) == (OCTOBER, DECEMBER)
    assert october.status == Meeting.Status.HELD
    assert october.venue == "Blackburn Town Hall"
    assert december.venue == "Blackburn Town Hall, Meeting Room A"
    assert december.start_time == datetime.time(18, 0)
    assert [(i.number, i.title, i.exempt) for i in december.items.order_by("number")] == [
        (1, "Welcome and Apologies", False),
        (2, "Police and Crime Plan 2021-25", False),
        (3, "PCC Update Report", False),
        (4, "PCC Update Report: exempt papers", True),
        (5, "Annual PCP Conference November 2021", False),
    ]
    assert december.items.get(number=1).kind == AgendaItem.Kind.WELCOME
    assert Paper.objects.filter(item__meeting=december).count() == 3  # 9204 is missing
    assert december.items.get(number=4).papers.get().title == "Estates review (exempt appendix)"
    welcome = october.items.get(number=1)
    assert "The Chair welcomed everyone to the meeting." in welcome.minutes
    minutes_item = october.items.get(number=2)
    assert minutes_item.kind == AgendaItem.Kind.MINUTES
    assert [r.text for r in minutes_item.resolutions.all()] == [
        "The Minutes of the meeting held on 20th July 2021 were agreed as a correct record."
    ]
    plan_item = october.items.get(number=3)
    assert "- Over 2,000 residents responded." in plan_item.minutes
    assert [r.text for r in plan_item.resolutions.all()] == ["That the report be noted."]


def test_each_imported_meeting_is_published_through_its_agenda_pack(sample, run_import):
    run_import(sample, committee_id="136")

    today = timezone.localdate()
    for meeting in Meeting.objects.all():
        (version,) = _pack_versions(meeting)
        assert version.status == Version.Status.READY
        assert version.change_note == (f"Imported from the previous system on {today:%-d %B %Y}.")
        record = ImportedRecord.objects.for_object(meeting).get()
        assert record.source == ImportRun.Source.MODERNGOV
    october = Meeting.objects.get(date=OCTOBER)
    minutes = Minutes.objects.get(meeting=october)
    assert Version.objects.for_object(minutes).public().count() == 1
    # The December meeting's source has not published its minutes: none are published here.
    assert not Minutes.objects.filter(meeting__date=DECEMBER).exists()


def test_the_report_names_what_was_read_leniently_and_skipped(sample, run_import):
    run = run_import(sample, committee_id="136")

    notes = "\n".join(run.notes)
    assert "<meetingcommitteetitle> in a meeting was not imported" in notes
    assert "“Annual PCP Conference 2021” (attachment 9204) was not in the source" in notes
    assert "restricted papers of “PCC Update Report” were put on an exempt item" in notes
    assert [change["action"] for change in run.changes] == ["created", "created"]


def test_a_restricted_document_goes_to_members_only_and_is_never_public(
    sample, run_import, client, panel_member
):
    run_import(sample, committee_id="136")

    december = Meeting.objects.get(date=DECEMBER)
    (version,) = _pack_versions(december)
    assert "SECRETESTATES" not in version.text
    assert "UPDATETEXT" in version.text
    exempt_papers = PackPaper.objects.filter(item__build__meeting=december, item__exempt=True)
    assert exempt_papers.count() == 1
    assert not PackPaper.objects.published().filter(pk__in=exempt_papers).exists()
    page = client.get(december.get_absolute_url())
    assert page.status_code == 200
    assert "Estates review" not in page.content.decode()
    pdf = client.get(f"/panel/meetings/{DECEMBER}/pack.pdf")
    assert pdf.status_code == 200
    assert b"SECRETESTATES" not in b"".join(pdf.streaming_content)
    build = december.pack_builds.get()
    with build.members_pdf.open("rb") as handle:
        assert build.members_page_count > version.page_count
        assert handle.read()


def test_running_again_changes_nothing(sample, run_import):
    run_import(sample, committee_id="136")
    papers, versions = Paper.objects.count(), Version.objects.count()

    again = run_import(sample, committee_id="136")

    assert again.status == ImportRun.Status.SUCCEEDED
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert (Paper.objects.count(), Version.objects.count()) == (papers, versions)
    assert Meeting.objects.count() == 2


def test_a_meeting_changed_at_the_source_is_updated_as_a_new_version(sample, run_import):
    run_import(sample, committee_id="136")
    path = sample / "GetMeeting-4790.xml"
    path.write_text(
        path.read_text().replace(
            "<AgendaItemTitle>Annual PCP Conference November 2021</AgendaItemTitle>",
            "<AgendaItemTitle>Annual Conference of Police and Crime Panels</AgendaItemTitle>",
        )
    )

    run = run_import(sample, committee_id="136")

    assert (run.created_count, run.updated_count, run.unchanged_count) == (0, 1, 1)
    december = Meeting.objects.get(date=DECEMBER)
    assert december.items.get(number=5).title == "Annual Conference of Police and Crime Panels"
    first, second = _pack_versions(december)
    assert second.status == Version.Status.READY
    assert second.change_note.startswith("Updated from the previous system on ")
    assert "items added (Annual Conference of Police and Crime Panels)" in second.change_note
    assert "items removed (Annual PCP Conference November 2021)" in second.change_note
    assert len(_pack_versions(Meeting.objects.get(date=OCTOBER))) == 1
    record = ImportedRecord.objects.for_object(december).get()
    assert record.last_run == run and record.first_run != run


def test_a_malformed_file_is_reported_and_nothing_is_imported(sample, run_import):
    path = sample / "GetMeeting-4790.xml"
    path.write_text(path.read_text()[:-40])

    run = run_import(sample, committee_id="136")

    assert run.status == ImportRun.Status.FAILED
    assert "GetMeeting-4790.xml is not well-formed XML" in run.error
    assert not Meeting.objects.exists()
    assert not ImportedRecord.objects.exists()
    assert ImportRun.objects.get() == run


def test_a_failure_while_applying_undoes_the_whole_run(sample, run_import, monkeypatch):
    from imports.services import meetings

    calls = []
    original = meetings._build_agenda

    def fail_on_the_second(meeting, record, notes):
        calls.append(record.id)
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return original(meeting, record, notes)

    monkeypatch.setattr(meetings, "_build_agenda", fail_on_the_second)

    run = run_import(sample, committee_id="136")

    assert run.status == ImportRun.Status.FAILED
    assert run.error == "Nothing was imported: the disk is full"
    assert not Meeting.objects.exists()
    assert not Version.objects.exists()


def test_a_dtd_is_refused(sample, run_import):
    path = sample / "GetMeetings-136.xml"
    text = path.read_text().replace(
        "<getmeetings>", '<!DOCTYPE getmeetings [<!ENTITY a "aaaa">]>\n<getmeetings>'
    )
    path.write_text(text)

    run = run_import(sample, committee_id="136")

    assert run.status == ImportRun.Status.FAILED
    assert "declares a DTD" in run.error


def test_a_dry_run_says_what_would_change_and_changes_nothing(sample, run_import):
    run = run_import(sample, committee_id="136", dry_run=True)

    assert run.status == ImportRun.Status.DRY_RUN
    assert run.created_count == 2
    assert not Meeting.objects.exists()


def test_the_committee_is_found_by_its_title_when_not_named(sample, run_import):
    run = run_import(sample)

    assert run.options["committee"] == "136"
    assert run.created_count == 2


def test_dates_limit_the_meetings_imported(sample, run_import):
    run = run_import(sample, committee_id="136", date_from=datetime.date(2021, 11, 1))

    assert run.created_count == 1
    assert list(Meeting.objects.values_list("date", flat=True)) == [DECEMBER]


def test_a_meeting_already_arranged_in_the_portal_is_left_alone(sample, run_import, panel):
    Meeting.objects.create(panel=panel, date=DECEMBER, venue="County Hall")

    run = run_import(sample, committee_id="136")

    assert (run.created_count, run.skipped_count) == (1, 1)
    assert "already in the portal (arranged in the portal)" in run.changes[1]["detail"]
    assert Meeting.objects.get(date=DECEMBER).venue == "County Hall"


def test_the_command_prints_its_report(sample, panel, panel_secretary, capsys):
    call_command(
        "import_moderngov", "--dir", str(sample), "--committee", "136", "--user", "secretary"
    )
    out = capsys.readouterr().out
    assert "Meeting 4711 of 12 October 2021: created" in out
    assert "2 created, 0 updated, 0 unchanged, 0 skipped." in out

    call_command(
        "import_moderngov",
        "--dir",
        str(sample),
        "--committee",
        "136",
        "--user",
        "secretary",
        "--dry-run",
    )
    assert "0 would be created, 0 would be updated, 2 unchanged" in capsys.readouterr().out


def test_the_command_fails_loudly_on_a_malformed_file(sample, panel, panel_secretary):
    (sample / "GetMeetings-136.xml").write_text("<getmeetings><meeting>")

    with pytest.raises(CommandError, match="not well-formed XML"):
        call_command(
            "import_moderngov", "--dir", str(sample), "--committee", "136", "--user", "secretary"
        )


def test_the_history_of_what_an_import_brings_in_names_who_ran_it(
    sample, run_import, panel_secretary
):
    # Run from a command, outside any request: the history takes the user from the import.
    run_import(sample, committee_id="136")

    for model in (Meeting, AgendaItem, Paper, Resolution, Minutes):
        users = set(model.history.values_list("history_user", flat=True))
        assert users == {panel_secretary.pk}, model.__name__
