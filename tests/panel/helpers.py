"""Published meetings for the tests, built quickly from uploaded PDF papers."""

import datetime
from functools import lru_cache

import weasyprint
from django.core.files.uploadedfile import SimpleUploadedFile

from panel.models import AgendaItem
from panel.services import meetings as meeting_services
from panel.services import packs, proceedings
from pcc_portal.publications import services as publishing
from tests.accounts.factories import UserFactory
from tests.panel.factories import MeetingFactory


@lru_cache
def pdf_bytes(text):
    return weasyprint.HTML(string=f"<html><body><p>{text}</p></body></html>").write_pdf()


def upload(text):
    return SimpleUploadedFile("paper.pdf", pdf_bytes(text), "application/pdf")


def exempt_item(meeting):
    """Add the exempt item the panel tests share: a contract award taken in private."""
    return meeting_services.add_item(
        meeting=meeting,
        item=AgendaItem(
            title="Victim Services Contract Award",
            exempt=True,
            exempt_reason="Paragraph 3: financial or business affairs",
        ),
    )


def arranged_meeting(**fields):
    """A meeting made as staff make one: saved with the standard items every agenda has.
    ``fields`` go to ``MeetingFactory``."""
    return meeting_services.create_meeting(meeting=MeetingFactory(**fields))


def published_meeting(date=datetime.date(2021, 12, 6)):
    """A meeting with a public paper and an exempt paper, its pack published and built."""
    meeting = arranged_meeting(date=date)
    report = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
    )
    meeting_services.add_upload_paper(item=report, title="PCC update", upload=upload("PUBLICTEXT"))
    exempt = exempt_item(meeting)
    meeting_services.add_upload_paper(
        item=exempt, title="Tender scores", upload=upload("SECRETTEXT")
    )
    publisher = UserFactory(username="pack-publisher")
    version = packs.publish_pack(meeting=meeting, by=publisher, note="First publication")
    # The test transaction never commits: start the build as the commit would.
    packs.start_build(build_id=version.pack_build.pk)
    meeting.refresh_from_db()
    return meeting


def publish_minutes(meeting, note="First publication"):
    """Publish ``meeting``'s minutes and render them: the test transaction never commits, so the
    queued render is run here."""
    version = proceedings.publish_minutes(
        meeting=meeting, by=UserFactory(username="minutes-publisher"), note=note
    )
    publishing.run_render_job(job_id=version.render_job.pk)
    version.refresh_from_db()
    return version
