"""In the members' pack every page of an exempt item's papers says "Not for publication" and the
paragraph of Schedule 12A that makes it exempt, drawn outside the tags; no public page does."""

import io

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from panel.models import AgendaItem, PackBuild, PackPaper
from panel.services import meetings as meeting_services
from panel.services import packs
from tests.panel.factories import report_paper
from tests.panel.helpers import arranged_meeting, pdf_bytes
from tests.pdfs import stored_bytes

pytestmark = pytest.mark.django_db

REASON = "Paragraph 3: financial or business affairs"
STAMP = "Not for publication"
SCHEDULE = "Schedule 12A to the Local Government Act 1972"


def _pages(data):
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def published(panel_secretary, run_on_commit):
    meeting = arranged_meeting()
    plan = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Police and Crime Plan", kind="report")
    )
    report_paper(plan, paragraphs=8, marker="PLANPAPER")
    exempt = meeting_services.add_item(
        meeting=meeting,
        item=AgendaItem(title="Victim Services Contract Award", exempt=True, exempt_reason=REASON),
    )
    report_paper(exempt, paragraphs=8, marker="SECRETPAPER")
    meeting_services.add_upload_paper(
        item=exempt,
        title="Tender scores",
        upload=SimpleUploadedFile("scores.pdf", pdf_bytes("SECRETSCAN"), "application/pdf"),
    )
    update = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
    )
    report_paper(update, paragraphs=2, marker="UPDATEPAPER")
    version = run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="v1")
    version.refresh_from_db()
    assert version.pack_build.status == PackBuild.Status.READY, version.pack_build.error
    return version


def _exempt_pages(build):
    pages = set()
    for paper in PackPaper.objects.filter(item__build=build, item__exempt=True):
        pages.update(range(paper.first_page, paper.last_page + 1))
    return pages


def test_every_exempt_page_is_stamped_and_no_public_page_is(published):
    build = published.pack_build
    members = _pages(stored_bytes(build.members_pdf))
    exempt = _exempt_pages(build)
    assert len(exempt) >= 3  # the report runs over pages, and the upload has its own

    for number, text in enumerate(members, start=1):
        if number in exempt:
            assert STAMP in text, number
            assert f"{REASON} ({SCHEDULE})" in text, number
            assert "SECRET" in text
        else:
            assert SCHEDULE not in text, number
            if number > build.front_page_count:
                assert STAMP not in text, number
    for number, text in enumerate(_pages(stored_bytes(published.pdf)), start=1):
        assert STAMP not in text and SCHEDULE not in text, number


def _artifact_draws(page):
    """The XObjects the page draws, each with whether it is drawn inside an artifact."""
    draws, open_tags = [], []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) in ("BDC", "BMC"):
            open_tags.append(str(operands[0]))
        elif str(operator) == "EMC":
            open_tags.pop()
        elif str(operator) == "Do":
            draws.append((str(operands[0]), "/Artifact" in open_tags))
    return draws


def test_the_stamp_is_an_artifact_and_the_stamped_pages_keep_their_tags(published):
    build = published.pack_build
    exempt = _exempt_pages(build)
    with pikepdf.open(io.BytesIO(stored_bytes(build.members_pdf))) as pdf:
        tree = pdf.Root.StructTreeRoot.ParentTree.Nums
        keys = dict(zip([int(k) for k in tree[::2]], tree[1::2], strict=True))
        for number, page in enumerate(pdf.pages, start=1):
            draws = _artifact_draws(page)
            if number not in exempt:
                assert ("/PccExempt", True) not in draws
                continue
            assert ("/PccExempt", True) in draws
            assert ("/PccExempt", False) not in draws
            if number in _report_pages(build):
                # The report's own marked content still resolves to its elements on this page.
                elements = keys[int(page.obj.StructParents)]
                assert len(elements) > 0
                assert all(e.Pg.objgen == page.obj.objgen for e in elements if "/Pg" in e)


def _report_pages(build):
    paper = PackPaper.objects.get(item__build=build, item__exempt=True, kind="report")
    return range(paper.first_page, paper.last_page + 1)
