"""Assemble an agenda pack from separately rendered PDFs, keeping it a tagged PDF.

Merging tagged PDFs page by page (pypdf, pikepdf as they are) drops their structure trees. Here
each part's structure tree is grafted under the pack's one ``Document`` element (a part's own
``Document`` becomes a ``Part``), its ``ParentTree`` entries move up by an offset so keys stay
unique, and its pages' ``/StructParents`` (and annotations' ``/StructParent``) move with them.
``Lang`` and the title are set on the pack, and ``MarkInfo`` and the PDF/UA identifier only when
every part is tagged: an untagged part (an uploaded appendix without tags) is merged as it is, and
the pack then says it is not tagged rather than claim an accessibility it does not have.

Pages are numbered by stamping "Page N" at the foot of every page, and the first page of each
item's papers is stamped "Agenda Item N", as committee packs are. The stamps are artifacts, drawn
with a subset of DejaVu Sans that WeasyPrint embeds once per process, so they cost milliseconds
and the papers' cached PDFs need no re-rendering when their page numbers change. In the members'
pack every page of an exempt item's papers is stamped "Not for publication" with the paragraph of
Schedule 12A that makes it exempt, a box WeasyPrint renders once per paragraph and the pack draws
on each page as an artifact, outside the structure tree.
"""

import io
import warnings
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

from pcc_portal.publications.pdf_safety import is_tagged

from .stamps import _exempt_stamp_object, _stamp, _stamp_font
from .structure import _remove_active_content, _StructureTree, _untag

__all__ = ["AssembledPDF", "Section", "assemble"]


@dataclass
class Section:
    """One PDF in the pack: the front sheet, or one paper of an agenda item."""

    content: bytes
    bookmark: str
    item_label: str = ""  # "Agenda Item 5": stamped on the item's first page, its bookmark group
    item_bookmark: str = ""
    numbers: list[int] = field(default_factory=list)  # the printed number of each page
    exempt_reason: str = ""  # an exempt item's paper, in the members' pack: stamp every page


@dataclass(frozen=True)
class AssembledPDF:
    content: bytes
    page_count: int
    tagged: bool
    untagged: tuple = ()  # the bookmarks of the parts without tags


def _page_labels(numbers):
    """/PageLabels so a viewer's page numbers are the stamped ones, gaps included."""
    nums = Array()
    for index, number in enumerate(numbers):
        if index == 0 or number != numbers[index - 1] + 1:
            nums.append(index)
            nums.append(Dictionary(S=Name.D, St=number))
    return Dictionary(Nums=nums)


def assemble(sections, *, title, language="en-GB"):
    """Merge ``sections`` into one numbered, bookmarked PDF, tagged if every part is."""
    font = _stamp_font()
    pack = pikepdf.new()
    tree = _StructureTree(pack, title)
    font_object = pack.copy_foreign(font.font)
    sources, untagged, numbers = [], [], []
    outline_entries, exempt_stamps = [], {}
    try:
        for section in sections:
            source = pikepdf.open(io.BytesIO(section.content))
            sources.append(source)
            first = len(pack.pages)
            part_tagged = is_tagged(source)
            with warnings.catch_warnings():
                # Named destinations are not carried over; the pack builds its own outline.
                warnings.simplefilter("ignore", pikepdf.exceptions.PageCopyWarning)
                pack.pages.extend(source.pages)
            pages = pack.pages[first:]
            if part_tagged:
                tree.graft(source, pages)
            else:
                untagged.append(section.bookmark)
                _untag(pages)
            _remove_active_content(pages)
            if len(section.numbers) != len(pages):
                raise ValueError(
                    f"{section.bookmark}: {len(pages)} pages, {len(section.numbers)} numbers"
                )
            exempt = None
            if section.exempt_reason:
                if section.exempt_reason not in exempt_stamps:
                    exempt_stamps[section.exempt_reason] = _exempt_stamp_object(
                        pack, section.exempt_reason, sources
                    )
                exempt = exempt_stamps[section.exempt_reason]
            for index, page in enumerate(pages):
                label = section.item_label if index == 0 else ""
                _stamp(pack, page, font_object, font, section.numbers[index], label, exempt)
            numbers.extend(section.numbers)
            outline_entries.append((section, first))
        tree.finish()
        tagged = not untagged
        # Only a pack tagged throughout says so: an untagged part is not accessible.
        pack.Root.MarkInfo = Dictionary(Marked=tagged)
        pack.Root.Lang = pikepdf.String(language)
        pack.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        pack.Root.PageLabels = _page_labels(numbers)
        pack.docinfo["/Title"] = title
        with pack.open_metadata(set_pikepdf_as_editor=False) as metadata:
            metadata["dc:title"] = title
            if tagged:
                metadata["pdfuaid:part"] = "1"
        _outline(pack, outline_entries)
        output = io.BytesIO()
        pack.save(output)
        page_count = len(pack.pages)
    finally:
        for source in sources:
            source.close()
        pack.close()
    return AssembledPDF(
        content=output.getvalue(),
        page_count=page_count,
        tagged=tagged,
        untagged=tuple(untagged),
    )


def _outline(pack, entries):
    with pack.open_outline() as outline:
        current_group, current_label = None, None
        for section, first in entries:
            if not section.item_bookmark:
                outline.root.append(pikepdf.OutlineItem(section.bookmark, first))
                current_group = current_label = None
                continue
            if section.item_label != current_label:
                current_group = pikepdf.OutlineItem(section.item_bookmark, first)
                outline.root.append(current_group)
                current_label = section.item_label
            current_group.children.append(pikepdf.OutlineItem(section.bookmark, first))
