"""Stamping an agenda pack's pages: "Page N" at each foot, "Agenda Item N" on an item's first
page and, in the members' pack, the "Not for publication" box on an exempt item's papers, all
drawn as artifacts outside the structure tree."""

import html
import io
from dataclasses import dataclass
from functools import lru_cache

import pikepdf
import weasyprint
from pikepdf import Array, Name

from pcc_portal.publications.pdf import BASE_URL, SafeURLFetcher, render_pdf

STAMP_CHARACTERS = "AIPadegmnt 0123456789-"


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
