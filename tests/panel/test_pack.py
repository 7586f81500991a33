"""The agenda pack: page ranges that are true of the final PDF, continuous numbers, bookmarks,
tags kept after merging, exempt papers only in the members' pack, and rebuilds from the cache."""

import io
import re

import pikepdf
import pytest
import weasyprint
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from panel.models import AgendaItem, PackBuild, PackPaper, PaperRender
from panel.services import meetings as meeting_services
from panel.services import packs
from pcc_portal.publications.models import Version
from tests.panel.factories import AgendaItemFactory, MeetingFactory, MemberFactory, report_paper
from tests.panel.helpers import published_meeting
from tests.pdfs import stored_bytes

pytestmark = pytest.mark.django_db


def _untagged_pdf(pages, marker):
    html = "".join(
        f'<p style="break-after: page">{marker} scanned page {i}</p>' for i in range(pages)
    )
    return weasyprint.HTML(string=f"<html><body>{html}</body></html>").write_pdf()


@pytest.fixture
def meeting(db):
    meeting = MeetingFactory()
    MemberFactory(panel=meeting.panel, email="chair@council.example.org")
    AgendaItemFactory(meeting=meeting, number=1, kind="welcome", title="Welcome and Apologies")
    minutes = AgendaItemFactory(meeting=meeting, number=2, kind="minutes", title="Minutes")
    report_paper(minutes, paragraphs=8, marker="MINUTESPAPER")
    plan = AgendaItemFactory(meeting=meeting, number=3, title="Police and Crime Plan")
    report_paper(plan, paragraphs=20, marker="PLANPAPER")
    exempt = AgendaItemFactory(
        meeting=meeting,
        number=4,
        title="Victim services contract",
        exempt=True,
        exempt_reason="Paragraph 3: information about the financial affairs of a person",
    )
    report_paper(exempt, paragraphs=6, marker="SECRETPAPER")
    update = AgendaItemFactory(meeting=meeting, number=5, title="PCC Update Report")
    report_paper(update, paragraphs=4, marker="UPDATEPAPER")
    AgendaItemFactory(meeting=meeting, number=6, kind="urgent_business", title="Urgent Business")
    return meeting


def _publish(run_on_commit, meeting, user, note="First publication", **kwargs):
    version = run_on_commit(packs.publish_pack, meeting=meeting, by=user, note=note, **kwargs)
    version.refresh_from_db()
    return version


def _pages(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, [page.extract_text() for page in reader.pages]


def _agenda_ranges(text):
    return dict(
        re.findall(r"(MINUTESPAPER|PLANPAPER|SECRETPAPER|UPDATEPAPER)?\n?.*?(\d+) - (\d+)", text)
    )


def test_agenda_page_ranges_are_the_real_pages_of_the_members_pack(
    meeting, panel_secretary, run_on_commit
):
    version = _publish(run_on_commit, meeting, panel_secretary)

    build = version.pack_build
    assert build.status == PackBuild.Status.READY, build.error
    assert version.status == Version.Status.READY
    reader, pages = _pages(stored_bytes(build.members_pdf))
    assert len(pages) == build.members_page_count
    agenda = "\n".join(pages[: build.front_page_count])
    papers = list(PackPaper.objects.filter(item__build=build).select_related("item"))
    assert len(papers) == 4
    expected_start = build.front_page_count + 1
    for paper in papers:
        # The agenda states the range, and the range is where the paper really is.
        assert f"{paper.first_page} - {paper.last_page}" in agenda
        assert paper.first_page == expected_start
        expected_start = paper.last_page + 1
        marker = {2: "MINUTESPAPER", 3: "PLANPAPER", 4: "SECRETPAPER", 5: "UPDATEPAPER"}[
            paper.item.number
        ]
        first = pages[paper.first_page - 1]
        assert marker in first
        assert f"Agenda Item {paper.item.number}" in first
        assert f"{marker} ends here" in pages[paper.last_page - 1]
        if paper.last_page < len(pages):
            assert marker not in pages[paper.last_page]
    # Every page carries its continuous number, and the viewer's page labels agree.
    for index, text in enumerate(pages):
        assert f"Page {index + 1}" in text
    assert reader.page_labels == [str(n) for n in range(1, len(pages) + 1)]
    assert papers[1].last_page - papers[1].first_page >= 2  # the plan is several pages


def test_each_item_has_a_bookmark_at_its_first_page(meeting, panel_secretary, run_on_commit):
    build = _publish(run_on_commit, meeting, panel_secretary).pack_build
    with build.members_pdf.open("rb") as handle:
        reader = PdfReader(handle)
        titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
        assert titles[0] == "Front sheet and agenda"
        assert "3. Police and Crime Plan" in titles
        plan = next(
            e for e in reader.outline if not isinstance(e, list) and e.title.startswith("3.")
        )
        paper = PackPaper.objects.get(item__build=build, item__number=3)
        assert reader.get_destination_page_number(plan) == paper.first_page - 1


def test_the_merged_pack_keeps_one_structure_tree_covering_every_page(
    meeting, panel_secretary, run_on_commit
):
    version = _publish(run_on_commit, meeting, panel_secretary)
    assert version.pack_build.tagged
    with version.pdf.open("rb") as handle, pikepdf.open(io.BytesIO(handle.read())) as pdf:
        assert pdf.Root.MarkInfo.Marked
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        assert "Agenda pack" in str(pdf.open_metadata()["dc:title"])
        root = pdf.Root.StructTreeRoot
        (document,) = list(root.K)
        assert document.S == pikepdf.Name.Document  # noqa: SIM300
        # The front sheet and each public paper are parts of the one document.
        assert [kid.S for kid in document.K] == [pikepdf.Name.Part] * 4
        nums = list(root.ParentTree.Nums)
        keys = [int(k) for k in nums[::2]]
        assert keys == sorted(set(keys))
        assert int(root.ParentTreeNextKey) > max(keys)
        tree = dict(zip(keys, nums[1::2], strict=True))
        for page in pdf.pages:
            key = int(page.obj.StructParents)
            # Each marked-content sequence on the page resolves to an element on that page.
            elements = tree[key]
            assert len(elements) > 0
            assert all(e.Pg.objgen == page.obj.objgen for e in elements if "/Pg" in e)


def test_exempt_papers_are_only_in_the_members_pack(meeting, panel_secretary, run_on_commit):
    version = _publish(run_on_commit, meeting, panel_secretary)
    build = version.pack_build
    reader, public_pages = _pages(stored_bytes(version.pdf))
    public_text = " ".join("\n".join(public_pages).split())
    assert "SECRETPAPER" not in public_text
    assert "Victim services contract" in public_text  # the stub: its title
    assert "Paragraph 3: information about the financial affairs" in public_text
    assert "Not published" in public_text
    assert "SECRETPAPER" in "\n".join(_pages(stored_bytes(build.members_pdf))[1])
    # Search sees the public papers' text, and nothing of the exempt ones.
    assert "UPDATEPAPER" in version.text
    assert "SECRETPAPER" not in version.text
    exempt = PackPaper.objects.get(item__build=build, item__exempt=True)
    update = PackPaper.objects.get(item__build=build, item__number=5)
    # Numbers are shared: the public pack skips the exempt pages instead of renumbering.
    assert version.page_count == build.members_page_count - (
        exempt.last_page - exempt.first_page + 1
    )
    labels = reader.page_labels
    index = labels.index(str(update.first_page))
    assert "UPDATEPAPER" in public_pages[index]
    assert f"Page {update.first_page}" in public_pages[index]
    assert str(exempt.first_page) not in labels


def test_an_untagged_upload_is_merged_and_the_agenda_says_so(
    meeting, panel_secretary, run_on_commit
):
    item = meeting.items.get(number=5)
    upload = SimpleUploadedFile(
        "appendix.pdf", _untagged_pdf(2, "SCANNEDAPPENDIX"), "application/pdf"
    )
    paper = meeting_services.add_upload_paper(item=item, title="Appendix A", upload=upload)
    assert paper.upload_page_count == 2 and not paper.upload_tagged

    version = _publish(run_on_commit, meeting, panel_secretary)
    build = version.pack_build
    assert build.status == PackBuild.Status.READY, build.error
    assert not build.tagged
    with version.pdf.open("rb") as handle:
        _reader, pages = _pages(handle.read())
    text = "\n".join(pages)
    assert "SCANNEDAPPENDIX" in text
    assert "untagged PDF" in "\n".join(pages[: build.front_page_count])


def test_a_rebuild_renders_only_the_paper_that_changed(meeting, panel_secretary, run_on_commit):
    first = _publish(run_on_commit, meeting, panel_secretary).pack_build
    assert first.papers_rendered == 4
    report = meeting.items.get(number=5).papers.get().report
    report.recommendation = "The Panel is asked to consider the report and comment."
    meeting_services.update_report(report=report)

    second = _publish(
        run_on_commit, meeting, panel_secretary, note="Corrected the update"
    ).pack_build
    assert second.status == PackBuild.Status.READY
    assert second.papers_rendered == 1
    assert second.version.number == 2
    assert first.version.pdf.name != second.version.pdf.name  # the first stays downloadable
    unchanged = PackPaper.objects.get(item__build=second, item__number=3).render_id
    assert unchanged == PackPaper.objects.get(item__build=first, item__number=3).render_id


def test_a_supplementary_pack_puts_late_papers_after_the_others(
    meeting, panel_secretary, run_on_commit
):
    first = _publish(run_on_commit, meeting, panel_secretary).pack_build
    late = report_paper(
        meeting.items.get(number=3), title="Plan: late appendix", paragraphs=2, marker="LATEPAPER"
    )
    late.late, late.position = True, 2
    late.save()

    second = _publish(
        run_on_commit, meeting, panel_secretary, note="Added a late paper", supplementary=True
    ).pack_build
    assert second.status == PackBuild.Status.READY, second.error
    before = {p.title: p.page_range for p in PackPaper.objects.filter(item__build=first)}
    after = {p.title: p.page_range for p in PackPaper.objects.filter(item__build=second)}
    late_paper = PackPaper.objects.get(item__build=second, late=True)
    # After every paper of the first pack and the supplementary agenda that lists it.
    assert late_paper.first_page > first.members_page_count
    with second.members_pdf.open("rb") as handle:
        _reader, pages = _pages(handle.read())
    supplement = "\n".join(pages[first.members_page_count : late_paper.first_page - 1])
    assert "Supplementary agenda" in supplement
    assert f"{late_paper.first_page} - {late_paper.last_page}" in supplement
    assert "LATEPAPER" in pages[late_paper.first_page - 1]
    assert all(after[title] == page_range for title, page_range in before.items())


def test_members_are_emailed_when_a_pack_is_published(meeting, panel_secretary, run_on_commit):
    _publish(run_on_commit, meeting, panel_secretary)
    assert [message.to for message in mail.outbox] == [["chair@council.example.org"]]
    assert "agenda pack published" in mail.outbox[0].subject
    assert "/panel/meetings/" in mail.outbox[0].body


def test_a_failed_paper_fails_the_build_and_keeps_the_previous_version(
    meeting, panel_secretary, run_on_commit, monkeypatch
):
    first = _publish(run_on_commit, meeting, panel_secretary)
    report = meeting.items.get(number=3).papers.get().report
    report.body += "\n\nA change."
    meeting_services.update_report(report=report)

    def broken(html):
        raise RuntimeError("the renderer fell over")

    monkeypatch.setattr(packs.publications_pdf, "render_pdf", broken)
    second = _publish(run_on_commit, meeting, panel_secretary, note="Second")
    assert second.status == Version.Status.FAILED
    assert "the renderer fell over" in second.pack_build.error
    assert second.pack_build.meeting.pack.live_version() == first
    assert PaperRender.objects.filter(status=PaperRender.Status.FAILED).count() == 1


def test_a_pack_needs_a_change_note_and_an_agenda(panel_secretary):
    meeting = MeetingFactory()
    with pytest.raises(packs.NothingToPublish):
        packs.publish_pack(meeting=meeting, by=panel_secretary, note="")
    with pytest.raises(packs.NothingToPublish):
        packs.publish_pack(meeting=meeting, by=panel_secretary, note="First")
    assert not AgendaItem.objects.exists()


def test_papers_are_sent_to_the_workers_longest_first(meeting, panel_secretary, monkeypatch):
    sent = []

    class FakeChord:
        def __init__(self, header):
            sent.extend(signature.args[0] for signature in header)

        def __call__(self, body):
            return None

    monkeypatch.setattr("celery.chord", FakeChord)
    version = packs.publish_pack(meeting=meeting, by=panel_secretary, note="First")
    packs.start_build(build_id=version.pack_build.pk)
    sizes = [PaperRender.objects.get(pk=pk).estimated_size for pk in sent]
    assert len(sent) == 4
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("extra_items", [0, 12])
def test_assembly_has_a_query_budget_whatever_the_number_of_papers(
    meeting, panel_secretary, django_assert_max_num_queries, extra_items
):
    for number in range(7, 7 + extra_items):
        report_paper(AgendaItemFactory(meeting=meeting, number=number), paragraphs=1)
    version = packs.publish_pack(meeting=meeting, by=panel_secretary, note="First")
    build = version.pack_build
    for render in PaperRender.objects.filter(status=PaperRender.Status.PENDING):
        packs.render_paper(render_id=render.pk)
    # Bounded by the agenda's layout passes, not by the number of papers; about a dozen of these
    # put the public pack into the search index, and two move the publication generation on
    # (pcc_portal.caching), in the same transaction.
    with django_assert_max_num_queries(47):
        packs.assemble_pack(build_id=build.pk)
    build.refresh_from_db()
    assert build.status == PackBuild.Status.READY, build.error


def test_a_build_whose_message_was_lost_is_started_again(meeting, panel_secretary, run_on_commit):
    import datetime

    from django.utils import timezone

    version = packs.publish_pack(meeting=meeting, by=panel_secretary, note="Lost message")
    build = version.pack_build
    assert packs.requeue_stalled_builds() == 0  # too recent to call stalled
    later = timezone.now() + PackBuild.STALL_AFTER + datetime.timedelta(minutes=1)
    assert run_on_commit(packs.requeue_stalled_builds, now=later) == 1
    build.refresh_from_db()
    assert build.status == PackBuild.Status.READY, build.error
    assert packs.requeue_stalled_builds(now=later) == 0


def test_a_published_pack_is_found_by_site_search_without_its_exempt_papers(
    meeting, panel_secretary, run_on_commit
):
    from transparency.search import search

    _publish(run_on_commit, meeting, panel_secretary)
    assert search(query="UPDATEPAPER").page.paginator.count == 1
    assert search(query="SECRETPAPER").page.paginator.count == 0


def test_search_reads_an_uploaded_paper_once_not_the_whole_pack_again(monkeypatch, db):
    from transparency import search
    from transparency.search import indexing

    def read_pack(version):
        raise AssertionError("a pack's text is its papers' text: its PDF is not read again")

    # Indexing reads pdf_text from its own module.
    monkeypatch.setattr(indexing, "pdf_text", read_pack)
    published_meeting()  # its public paper is an uploaded PDF saying PUBLICTEXT
    assert search.search(query="PUBLICTEXT").page.paginator.count == 1
    assert search.search(query="SECRETTEXT").page.paginator.count == 0


def test_the_pack_page_number_sits_below_a_published_documents_own_footer(
    meeting, panel_secretary, run_on_commit
):
    from pcc_portal.publications import services as publications
    from tests.pages.factories import ContentPageFactory

    page = ContentPageFactory(title="Estates strategy for the Commissioner's Office")
    published = run_on_commit(publications.publish, obj=page, by=panel_secretary, note="First")
    published.refresh_from_db()
    item = AgendaItemFactory(meeting=meeting, number=7, title="Estates strategy")
    meeting_services.add_publication_paper(item=item, version=published)
    version = _publish(run_on_commit, meeting, panel_secretary)

    with version.pdf.open("rb") as handle:
        last = PdfReader(io.BytesIO(handle.read())).pages[-1]  # the document's own page
    lines = []

    def baseline(text, cm, tm, *_):  # the text's height above the page's foot, in points
        if text.strip():
            lines.append((text.strip(), tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    last.extract_text(visitor_text=baseline)
    stamp = [y for text, y in lines if re.fullmatch(r"Page \d+", text)]
    footer = [y for text, y in lines if not re.fullmatch(r"Page \d+", text)]
    assert len(stamp) == 1
    assert any("Page 1 of 1" in text for text, _ in lines)  # the document's own footer
    assert stamp[0] + 10 < min(footer)  # a clear line below everything the page says
