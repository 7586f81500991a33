"""The panel's demo data: the 6 December 2021 meeting as the seed's pack has it, loaded once."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from panel import demo
from panel.models import Attendance, Meeting, Member, PackBuild, PackPaper, Resolution
from tests.accounts.factories import UserFactory


@pytest.mark.django_db
def test_the_demo_builds_the_december_pack_and_survives_a_second_run(
    django_capture_on_commit_callbacks,
):
    publisher = UserFactory(username="commissioner")
    with django_capture_on_commit_callbacks(execute=True):
        summary = demo.load(publisher=publisher)
    assert "agenda pack of 6 December 2021" in summary
    december = Meeting.objects.get(date="2021-12-06")
    assert list(december.items.values_list("number", flat=True)) == list(range(1, 13))
    assert december.items.get(number=2).minutes_of.date.isoformat() == "2021-10-12"
    october = Meeting.objects.get(date="2021-10-12")
    assert october.attendance.filter(status=Attendance.Status.PRESENT).count() == 14
    assert october.attendance.filter(status=Attendance.Status.APOLOGIES).count() == 5
    assert october.attendance.filter(status=Attendance.Status.IN_ATTENDANCE).count() == 5
    assert Resolution.objects.filter(item__meeting=october).count() == 8
    assert Meeting.objects.get(date="2022-01-17").new_date.isoformat() == "2022-02-01"

    build = PackBuild.objects.get(meeting=december)
    assert build.status == PackBuild.Status.READY, build.error
    assert build.tagged
    with build.version.pdf.open("rb") as handle:
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages]
    agenda = " ".join(" ".join(pages[: build.front_page_count]).split())
    minutes = PackPaper.objects.get(item__build=build, item__number=2)
    assert minutes.first_page == build.front_page_count + 1
    assert f"{minutes.first_page} - {minutes.last_page}" in agenda
    assert "Jackie Oakes" in pages[minutes.first_page - 1]
    update = PackPaper.objects.get(item__build=build, item__number=6)
    assert "Commissioner's update" in pages[update.first_page - 1]

    # Demo attendance and webcast times for 6 December 2021.
    assert december.attendance.filter(status=Attendance.Status.SUBSTITUTED).count() == 1
    assert december.items.get(number=6).webcast_start == 9 * 60

    counts = (Member.objects.count(), Meeting.objects.count(), PackBuild.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(publisher=publisher)
    assert (Member.objects.count(), Meeting.objects.count(), PackBuild.objects.count()) == counts


@pytest.mark.django_db
def test_load_demo_runs_the_panel_demo(capsys):
    call_command("load_demo")
    assert "panel:" in capsys.readouterr().out
    assert Meeting.objects.filter(date="2021-12-06").exists()
    # The demo member account is a serving member's: it reads the members' packs.
    member = Member.objects.get(user__username="member")
    assert member.name == demo.DEMO_MEMBER
    assert Meeting.objects.get(date="2021-12-06").members_papers_open_to(member.user)
