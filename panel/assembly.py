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

import html
import io
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import pikepdf
import weasyprint
from pikepdf import Array, Dictionary, Name

from pcc_portal.publications.pdf import BASE_URL, SafeURLFetcher, render_pdf
from pcc_portal.publications.pdf_safety import is_tagged

STAMP_CHARACTERS = "AIPadegmnt 0123456789-"


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


# --- Stamping page numbers -------------------------------------------------------------------


@dataclass(frozen=True)
class _StampFont:
    document: pikepdf.Pdf
    font: pikepdf.Object
    codes: dict
    widths: dict
    default_width: float

    def encode(self, text):
        return b"".join(self.codes[character] for character in text)

    def width(self, text, size):
        units = sum(self.widths.get(self.codes[c], self.default_width) for c in text)
        return units * size / 1000


def _glyph_widths(font):
    descendant = font.DescendantFonts[0]
    default = float(descendant.get("/DW", 1000))
    widths, entries, index = {}, list(descendant.get("/W", [])), 0
    while index < len(entries):
        first = int(entries[index])
        if isinstance(entries[index + 1], Array):
            for offset, width in enumerate(entries[index + 1]):
                widths[(first + offset).to_bytes(2, "big")] = float(width)
            index += 2
        else:
            last, width = int(entries[index + 1]), float(entries[index + 2])
            for code in range(first, last + 1):
                widths[code.to_bytes(2, "big")] = width
            index += 3
    return widths, default


@lru_cache(maxsize=1)
def _stamp_font():
    """Render the stamp characters once and learn each one's glyph code from the content."""
    html = (
        '<html lang="en-GB"><head><title>Stamp</title></head>'
        f"<body><p style=\"font-family: 'DejaVu Sans'\">{STAMP_CHARACTERS}</p></body></html>"
    )
    document = pikepdf.open(io.BytesIO(render_pdf(html).content))
    page = document.pages[0]
    codes, font_name = b"", None
    for operands, operator in pikepdf.parse_content_stream(page):
        if operator == pikepdf.Operator("Tf"):
            font_name = operands[0]
        elif operator == pikepdf.Operator("TJ"):
            codes += b"".join(bytes(o) for o in operands[0] if isinstance(o, pikepdf.String))
        elif operator == pikepdf.Operator("Tj"):
            codes += bytes(operands[0])
    font = page.Resources.Font[font_name]
    if len(codes) != 2 * len(STAMP_CHARACTERS):
        raise RuntimeError("The stamp font's glyph codes could not be read.")
    mapping = {c: codes[2 * i : 2 * i + 2] for i, c in enumerate(STAMP_CHARACTERS)}
    widths, default = _glyph_widths(font)
    return _StampFont(document, font, mapping, widths, default)


def _text(font, text, x, y, size):
    return b"BT /PccStamp %.2f Tf 0.043 0.047 0.047 rg %.2f %.2f Td <%s> Tj ET\n" % (
        size,
        x,
        y,
        font.encode(text).hex().encode(),
    )


# The pack's page number sits 13 pt above the page's foot: below the footers of the portal's
# own PDFs (their 24 mm bottom margin centres the title and "Page N of M" about 34 pt up), and
# still inside what printers print.
STAMP_BASELINE = 13


# The exempt stamp: a box in the top margin (the portal's papers leave 22 mm), at the left, clear
# of the "Agenda Item N" label at the right. It has no background, so it never hides anything.
EXEMPT_STAMP_SIZE = (400, 50)
EXEMPT_STAMP_TOP = 6
EXEMPT_STAMP_LEFT = 36
EXEMPT_STAMP_CSS = (
    f"@page {{ size: {EXEMPT_STAMP_SIZE[0]}pt {EXEMPT_STAMP_SIZE[1]}pt; margin: 0 }}"
    " body { margin: 0; font: 7.5pt/1.2 'DejaVu Sans'; color: #0b0c0c }"
    f" div {{ box-sizing: border-box; height: {EXEMPT_STAMP_SIZE[1]}pt; overflow: hidden;"
    " padding: 2pt 5pt; border: 1.5pt solid #d4351c }"
    " body.small { font-size: 6.3pt }"
    " strong { display: block; font-size: 9.5pt; color: #d4351c }"
)


@lru_cache(maxsize=16)
def _exempt_stamp(reason):
    """The "Not for publication" box for one paragraph of Schedule 12A, as a one-page PDF.

    Rendered without tags: the pack draws it as an artifact, so it adds nothing to the
    structure tree of the paper it is drawn on."""
    # A long paragraph (the field allows 300 characters) takes a smaller font to fit the box.
    size = "small" if len(reason) > 150 else "normal"
    document = (
        '<html lang="en-GB"><head><meta charset="utf-8"><title>Not for publication</title>'
        f'<style>{EXEMPT_STAMP_CSS}</style></head><body class="{size}"><div>'
        f"<strong>Not for publication</strong>{html.escape(reason)}"
        " (Schedule 12A to the Local Government Act 1972)</div></body></html>"
    )
    return weasyprint.HTML(
        string=document, base_url=BASE_URL, url_fetcher=SafeURLFetcher()
    ).write_pdf(attachments=[])


def _exempt_stamp_object(pack, reason, sources):
    stamp = pikepdf.open(io.BytesIO(_exempt_stamp(reason)))
    sources.append(stamp)  # copied streams are read from it when the pack is saved
    return pack.copy_foreign(stamp.pages[0].as_form_xobject())


def _exempt_stamp_content(page, stamp):
    left, _bottom, right, top = (float(v) for v in page.mediabox)
    width, height = EXEMPT_STAMP_SIZE
    # On a page too narrow for it beside the item label, the box shrinks to fit.
    scale = min(1.0, max(0.3, (right - left - EXEMPT_STAMP_LEFT - 160) / width))
    x, y = left + EXEMPT_STAMP_LEFT, top - EXEMPT_STAMP_TOP - height * scale
    page.add_resource(stamp, Name.XObject, Name.PccExempt)
    return (
        b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"
        b"q %.3f 0 0 %.3f %.2f %.2f cm /PccExempt Do Q\nEMC\n" % (scale, scale, x, y)
    )


def _stamp(pack, page, font_object, font, number, label, exempt=None):
    box = [float(v) for v in page.mediabox]
    left, bottom, right, top = box
    stamp = b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
    text = f"Page {number}"
    stamp += _text(
        font, text, (left + right - font.width(text, 10)) / 2, bottom + STAMP_BASELINE, 10
    )
    stamp += b"EMC\n"
    if label:
        stamp += b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"
        stamp += _text(font, label, right - 40 - font.width(label, 12), top - 30, 12)
        stamp += b"EMC\n"
    if exempt is not None:
        stamp += _exempt_stamp_content(page, exempt)
    page.add_resource(font_object, Name.Font, Name.PccStamp)
    # The page's own content may leave its graphics state changed: isolate it first.
    page.contents_add(pikepdf.Stream(pack, b"q\n"), prepend=True)
    page.contents_add(pikepdf.Stream(pack, b"\nQ\n" + stamp))


# --- Structure trees -------------------------------------------------------------------------


def _number_tree(node):
    entries = []
    nums = node.get("/Nums")
    if nums is not None:
        entries.extend((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
    for kid in node.get("/Kids", []):
        entries.extend(_number_tree(kid))
    return entries


def _kids(element):
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


class _StructureTree:
    """The pack's structure tree, grown one part at a time."""

    def __init__(self, pack, title):
        self.pack = pack
        self.root = pack.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = pack.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root, K=Array(), T=title)
        )
        self.root.K = Array([self.document])
        self.parent_tree = []
        self.next_key = 0
        self.role_map = Dictionary()

    def graft(self, source, pages):
        """Graft ``source``'s structure tree; ``pages`` are its pages, already in the pack."""
        source_root = source.Root.StructTreeRoot
        offset = self.next_key
        kids = [kid for kid in _kids(source_root) if isinstance(kid, Dictionary)]
        for kid in kids:
            if "/P" in kid:
                del kid["/P"]  # or copying the kid would copy the source's whole tree root
        for kid in kids:
            copied = self.pack.copy_foreign(kid if kid.is_indirect else source.make_indirect(kid))
            if copied.get("/S") == Name.Document:
                copied.S = Name.Part
            copied.P = self.document
            self.document.K.append(copied)
        entries = _number_tree(source_root["/ParentTree"]) if "/ParentTree" in source_root else []
        highest = -1
        for key, value in entries:
            highest = max(highest, key)
            if isinstance(value, Array):
                value = Array([self.pack.copy_foreign(v) if v.is_indirect else v for v in value])
            elif value.is_indirect:
                value = self.pack.copy_foreign(value)
            self.parent_tree.append((key + offset, value))
        for page in pages:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annotation in page.obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + offset
        next_key = int(source_root.get("/ParentTreeNextKey", highest + 1))
        self.next_key = offset + max(next_key, highest + 1)
        for role, standard in source_root.get("/RoleMap", Dictionary()).items():
            self.role_map[role] = standard

    def finish(self):
        nums = Array()
        for key, value in sorted(self.parent_tree, key=lambda entry: entry[0]):
            nums.append(key)
            nums.append(value)
        self.root.ParentTree = self.pack.make_indirect(Dictionary(Nums=nums))
        self.root.ParentTreeNextKey = self.next_key
        if len(self.role_map):
            self.root.RoleMap = self.role_map
        self.pack.Root.StructTreeRoot = self.root


def _untag(pages):
    for page in pages:
        if "/StructParents" in page.obj:
            del page.obj["/StructParents"]


_SCRIPT_ACTIONS = re.compile(r"/(JavaScript|Launch|ImportData|SubmitForm|ResetForm)")


def _remove_active_content(pages):
    """Uploaded PDFs may carry scripts or launch actions on their annotations: drop them."""
    for page in pages:
        if "/AA" in page.obj:
            del page.obj["/AA"]
        annotations = page.obj.get("/Annots")
        if annotations is None:
            continue
        kept = Array()
        for annotation in annotations:
            action = annotation.get("/A")
            if annotation.get("/Subtype") in (Name.FileAttachment, Name.Widget, Name.Sound):
                continue
            if action is not None and _SCRIPT_ACTIONS.search(str(action.get("/S", ""))):
                continue
            kept.append(annotation)
        page.obj.Annots = kept


# --- The pack --------------------------------------------------------------------------------


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
