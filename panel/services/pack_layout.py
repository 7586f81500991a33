"""Laying out a pack's PDFs: front sheets whose page ranges are true of the final PDFs, and the
members' and public packs assembled from the cached renders."""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from pcc_portal.publications import pdf as publications_pdf

from .. import assembly
from ..models import PackBuild, PackPaper, PaperRender
from .pack_publishing import _sha
from .pack_withdrawals import _newly_withdrawn

MAX_FRONT_SHEET_PASSES = 4


def _read(render):
    with render.pdf.open("rb") as handle:
        return handle.read()


@dataclass
class _Sheet:
    """A front sheet (the agenda, or a supplementary agenda) and the papers that follow it."""

    rows: list  # (item, [papers on this sheet]) for every item the sheet lists
    papers: list
    supplement: bool = False
    page_count: int = 0
    rendered: dict = field(default_factory=dict)  # members? -> (content, pages, html)


def _sheets(build, items):
    """The agenda with every paper, or, for a supplementary pack, the agenda without the late
    papers (its pages as before) and a supplementary agenda for them after all the others."""
    late = [p for item in items for p in item.papers.all() if build.supplementary and p.late]
    main = _Sheet(
        rows=[(item, [p for p in item.papers.all() if p not in late]) for item in items],
        papers=[p for item in items for p in item.papers.all() if p not in late],
    )
    if not late:
        return [main]
    supplement = _Sheet(
        rows=[(item, [p for p in item.papers.all() if p in late]) for item in items],
        papers=late,
        supplement=True,
    )
    supplement.rows = [(item, papers) for item, papers in supplement.rows if papers]
    return [main, supplement]


def _agenda_context(build, sheet, members, pad_pages):
    meeting = build.meeting
    return {
        "meeting": meeting,
        "panel": meeting.panel,
        "rows": sheet.rows,
        "supplement": sheet.supplement,
        "members": members,
        "build": build,
        "pad_pages": range(pad_pages),
        "published_on": build.version.published_at,
        "document_title": build.version.title,
        "document_type": "panel-pack",
    }


def _render_agenda(context):
    """A front sheet, rendered once per distinct content (cached like papers)."""
    html = render_to_string("panel/pack_document.html", context)
    key = f"agenda-{_sha(html + publications_pdf.RENDERER_VERSION)}"
    cached = PaperRender.objects.filter(key=key, status=PaperRender.Status.READY).first()
    if cached is not None:
        return _read(cached), cached.page_count, html
    result = publications_pdf.render_pdf(html)
    render = PaperRender(
        key=key,
        title="Front sheet and agenda",
        status=PaperRender.Status.READY,
        page_count=result.page_count,
        tagged=True,
    )
    render.pdf.save(f"{key}.pdf", ContentFile(result.content), save=False)
    render.save()
    return result.content, result.page_count, html


def _number_papers(papers, after_page):
    page = after_page + 1
    for paper in papers:
        paper.first_page = page
        paper.last_page = page + paper.render.page_count - 1
        page = paper.last_page + 1
    return page - 1


def _lay_out(build, sheet, first_page, guess, variants):
    """Render the sheet for members and public with page ranges true of the final PDFs.

    The ranges depend on how many pages the sheet itself takes, which depends on the ranges'
    text: start from a guess and re-render until it stops changing. Both variants must take the
    same number of pages (numbers are shared), so the shorter one is padded with blank pages.
    Returns the last page number used by the sheet's papers."""
    pages, pads = guess, dict.fromkeys(variants, 0)
    for _attempt in range(MAX_FRONT_SHEET_PASSES):
        last = _number_papers(sheet.papers, first_page - 1 + pages)
        sheet.rendered = {
            members: _render_agenda(_agenda_context(build, sheet, members, pads[members]))
            for members in variants
        }
        counts = {members: rendered[1] for members, rendered in sheet.rendered.items()}
        longest = max(counts.values())
        if set(counts.values()) == {pages}:
            sheet.page_count = pages
            return last
        for members, count in counts.items():
            pads[members] += longest - count
        pages = longest
    raise RuntimeError("The agenda's length did not settle; check the items for very long text.")


def _sections(sheets, *, members):
    sections = []
    first_page = 1
    for sheet in sheets:
        rendered = sheet.rendered.get(members) or sheet.rendered[False]
        sections.append(
            assembly.Section(
                content=rendered[0],
                bookmark="Supplementary agenda" if sheet.supplement else "Front sheet and agenda",
                numbers=list(range(first_page, first_page + sheet.page_count)),
            )
        )
        for paper in sheet.papers:
            item = paper.item
            first_page = paper.last_page + 1
            if (item.exempt or paper.withheld) and not members:
                continue
            sections.append(
                assembly.Section(
                    content=_read(paper.render),
                    bookmark=paper.title + (" (supplementary)" if paper.late else ""),
                    item_label=f"Agenda Item {item.number}",
                    item_bookmark=f"{item.number}. {item.title}",
                    numbers=list(range(paper.first_page, paper.last_page + 1)),
                    exempt_reason=(item.exempt_reason or "Exempt information")
                    if item.exempt
                    else "",
                )
            )
        if not sheet.papers:
            first_page += sheet.page_count
    return sections


def _assemble(build):
    """The public and members' PDFs of ``build``, with what publishing them needs."""
    items = list(build.items.order_by("number").prefetch_related("papers__render"))
    for item in items:
        for paper in item.papers.all():
            paper.item = item  # the frozen item, without a query per paper
    papers = [paper for item in items for paper in item.papers.all()]
    broken = [p for p in papers if p.render.status != PaperRender.Status.READY]
    if broken:
        raise RuntimeError(
            "These papers could not be rendered: "
            + "; ".join(f"“{p.title}”: {p.render.error or 'not rendered'}" for p in broken)
        )
    newly_withdrawn = _newly_withdrawn(build, papers)
    for paper in newly_withdrawn:
        paper.withheld = True
    PackPaper.objects.bulk_update(newly_withdrawn, ["withheld"])
    sheets = _sheets(build, items)
    previous = (
        PackBuild.objects.published()
        .filter(meeting=build.meeting)
        .exclude(front_page_count=None)
        .order_by("-version__number")
        .values_list("front_page_count", flat=True)
        .first()
    )
    # Without exempt or withdrawn papers the members' pack is the public pack: build it once.
    exempt = any(paper.item.exempt or paper.withheld for paper in papers)
    variants = (True, False) if exempt else (False,)
    last = _lay_out(build, sheets[0], 1, previous or 1, variants)
    for sheet in sheets[1:]:
        last = _lay_out(build, sheet, last + 1, 1, variants)
    title = build.version.title
    public_pdf = assembly.assemble(_sections(sheets, members=False), title=title)
    members_pdf = public_pdf
    if exempt:
        members_pdf = assembly.assemble(
            _sections(sheets, members=True),
            title=f"{title} (members' pack, includes exempt items)",
        )
    return items, papers, sheets, members_pdf, public_pdf
