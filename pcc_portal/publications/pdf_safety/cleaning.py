"""Making an uploaded PDF safe to publish: everything a viewer would run, open or send is
removed, wherever the PDF keeps it: JavaScript, launch actions, links to other files (a UNC
share), form submission and data import, links that are not http(s) or mailto, embedded files and
attachments, XFA forms and rich media. The walk covers the document catalog, its additional
actions and names trees, every page and annotation, the form fields and the bookmarks; a last
sweep over every object catches an action or an embedded file reached some other way. Internal
links (``/GoTo``, ``/Dest``), http(s) and mailto links, the text and the structure tree are kept.
"""

import io
import re
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name

SAFE_URI = re.compile(r"(?:https?://|mailto:)[^\x00-\x20\x7f]*\Z", re.IGNORECASE)
# Standard named actions only move between pages; others (Print, SaveAs...) are the viewer's.
SAFE_NAMED_ACTIONS = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
# The kinds of action a PDF may run or send, each as the person who uploaded it reads it: every
# one is removed, wherever it is found.
ACTION_LABELS = {
    "/JavaScript": "JavaScript",
    "/Launch": "an action that starts a program or opens a file",
    "/GoToR": "a link that opens another file",
    "/GoToE": "a link that opens an embedded file",
    "/SubmitForm": "a form action that sends data",
    "/ImportData": "a form action that imports data",
    "/Rendition": "a media action",
    "/Movie": "a media action",
    "/Sound": "a media action",
    "/RichMediaExecute": "a media action",
}
# Annotations whose only purpose is to open or play something: taken off the page.
ACTIVE_ANNOTATIONS = {
    "/FileAttachment": "an embedded file",
    "/Screen": "an embedded media player",
    "/Movie": "an embedded media player",
    "/Sound": "an embedded sound",
    "/RichMedia": "an embedded media player",
    "/3D": "an embedded 3D model",
}
ACTION_KEYS = ("/A", "/PA")  # an annotation's action, and a link's former (web capture) one
MAX_CHAIN = 64  # actions chained by /Next; a longer (or circular) chain is dropped


class UncleanablePDF(ValueError):
    """The PDF could not be read or written again, so it could not be made safe."""


@dataclass(frozen=True)
class CleanedPDF:
    content: bytes
    removed: tuple  # what was removed, in words for the person who uploaded it, each once


def clean_pdf(data):
    """Return ``data`` without active content or embedded files, and what was removed."""
    try:
        with pikepdf.open(io.BytesIO(data)) as document:
            cleaner = _Cleaner(document)
            cleaner.clean()
            output = io.BytesIO()
            document.save(output)
    except pikepdf.PdfError as error:
        raise UncleanablePDF(str(error)) from error
    return CleanedPDF(content=output.getvalue(), removed=tuple(dict.fromkeys(cleaner.removed)))


def _uri_label(uri):
    text = str(uri).strip().lower()
    if text.startswith("javascript:"):
        return "a javascript: link"
    if text.startswith(("file:", "\\\\", "//", "smb:")):
        return "a link to a file"
    return "a link that is not a web or email address"


def _file_name(filespec):
    if not isinstance(filespec, Dictionary):
        return ""
    name = filespec.get("/UF", filespec.get("/F", ""))
    return str(name)[:100] if isinstance(name, pikepdf.String) else ""


class _Cleaner:
    def __init__(self, document):
        self.document = document
        self.removed = []

    def _note_file(self, name=""):
        """Note an embedded file; by its name if it has one, else once in general."""
        if name:
            self.removed.append(f"an embedded file ({name})")
        elif not any(label.startswith("an embedded file") for label in self.removed):
            self.removed.append("an embedded file")

    def clean(self):
        root = self.document.Root
        self._clean_open_action(root)
        self._clean_additional_actions(root)
        self._clean_names(root)
        if "/AF" in root:
            del root["/AF"]
            self._note_file()
        if "/Collection" in root:
            del root["/Collection"]
            self.removed.append("a PDF portfolio")
        for page in self.document.pages:
            self._clean_page(page.obj)
        self._clean_form(root.get("/AcroForm"))
        self._clean_outline(root.get("/Outlines"))
        self._sweep()

    # --- Actions ------------------------------------------------------------------------------

    def _safe(self, action):
        """Whether this one action (not the ones chained after it) is safe; notes it if not."""
        kind = action.get("/S")
        if kind == Name.GoTo:
            return True
        if kind == Name.URI:
            uri = action.get("/URI")
            if isinstance(uri, pikepdf.String) and SAFE_URI.match(str(uri).strip()):
                return True
            self.removed.append(_uri_label(uri if uri is not None else ""))
            return False
        if kind == Name.Named and str(action.get("/N", "")) in SAFE_NAMED_ACTIONS:
            return True
        if "/JS" in action:
            self.removed.append("JavaScript")
        kind = str(kind) if isinstance(kind, Name) else ""
        self.removed.append(ACTION_LABELS.get(kind) or f"a {kind[1:] or 'malformed'} action")
        return False

    def _clean_action(self, action, depth=0):
        """The action with its unsafe parts removed, or None if nothing safe is left of it."""
        if not isinstance(action, Dictionary) or depth > MAX_CHAIN:
            self.removed.append("a malformed action")
            return None
        following = action.get("/Next")
        if following is not None:
            kept = [
                cleaned
                for step in (following if isinstance(following, Array) else [following])
                if (cleaned := self._clean_action(step, depth + 1)) is not None
            ]
            if not kept:
                del action["/Next"]
            else:
                action.Next = kept[0] if len(kept) == 1 else Array(kept)
        if self._safe(action):
            return action
        # The action goes; whatever safe actions followed it still run.
        following = action.get("/Next")
        if following is None:
            return None
        return following if isinstance(following, Dictionary) else following[0]

    def _clean_action_key(self, holder, key):
        if key not in holder:
            return
        cleaned = self._clean_action(holder[key])
        if cleaned is None:
            del holder[key]
        else:
            holder[key] = cleaned

    def _clean_additional_actions(self, holder):
        actions = holder.get("/AA")
        if actions is None:
            return
        if not isinstance(actions, Dictionary):
            del holder["/AA"]
            return
        for trigger in list(actions.keys()):
            self._clean_action_key(actions, trigger)
        if not len(actions):
            del holder["/AA"]

    def _clean_open_action(self, root):
        action = root.get("/OpenAction")
        if action is None or isinstance(action, Array):
            return  # absent, or a destination: open at a page
        self._clean_action_key(root, "/OpenAction")

    # --- Places -------------------------------------------------------------------------------

    def _clean_names(self, root):
        names = root.get("/Names")
        if not isinstance(names, Dictionary):
            return
        if "/JavaScript" in names:
            del names["/JavaScript"]
            self.removed.append("JavaScript")
        if "/EmbeddedFiles" in names:
            try:
                files = list(pikepdf.NameTree(names.EmbeddedFiles).items())
            except (pikepdf.PdfError, ValueError, TypeError):
                files = []
            for name, filespec in files or [("", None)]:
                self._note_file(_file_name(filespec) or str(name)[:100])
            del names["/EmbeddedFiles"]
        for key in ("/AlternatePresentations", "/Renditions"):
            if key in names:
                del names[key]
                self.removed.append("an embedded media player")

    def _clean_page(self, page):
        self._clean_additional_actions(page)
        if "/AF" in page:
            del page["/AF"]
            self._note_file()
        annotations = page.get("/Annots")
        if not isinstance(annotations, Array):
            return
        kept = Array()
        for annotation in annotations:
            if not isinstance(annotation, Dictionary):
                continue
            subtype = str(annotation.get("/Subtype", ""))
            if subtype in ACTIVE_ANNOTATIONS:
                label = ACTIVE_ANNOTATIONS[subtype]
                name = _file_name(annotation.get("/FS"))
                self.removed.append(f"{label} ({name})" if name else label)
                # It may still be named by the structure tree: leave nothing in it to open.
                for key in ("/FS", "/A", "/AA", "/RichMediaContent", "/3DD", "/Sound", "/Movie"):
                    if key in annotation:
                        del annotation[key]
                continue
            self._clean_annotation(annotation)
            kept.append(annotation)
        if len(kept) != len(annotations):
            page.Annots = kept

    def _clean_annotation(self, annotation):
        for key in ACTION_KEYS:
            self._clean_action_key(annotation, key)
        self._clean_additional_actions(annotation)
        if "/AF" in annotation:
            del annotation["/AF"]
            self._note_file()

    def _clean_form(self, form):
        if not isinstance(form, Dictionary):
            return
        if "/XFA" in form:
            del form["/XFA"]
            self.removed.append("an XFA form, which can carry scripts")
        seen = set()
        fields = list(form.get("/Fields", []))
        while fields:
            field = fields.pop()
            if not isinstance(field, Dictionary) or _seen(field, seen):
                continue
            self._clean_annotation(field)  # a field and its widget are often one dictionary
            fields.extend(field.get("/Kids", []))

    def _clean_outline(self, outlines):
        if not isinstance(outlines, Dictionary):
            return
        seen = set()
        items = [outlines.get("/First")]
        while items:
            item = items.pop()
            if not isinstance(item, Dictionary) or _seen(item, seen):
                continue
            self._clean_action_key(item, "/A")
            items.extend([item.get("/Next"), item.get("/First")])

    def _sweep(self):
        """Whatever the walk did not reach by the usual places: no script, no file inside."""
        for obj in self.document.objects:
            if isinstance(obj, pikepdf.Stream):
                if obj.get("/Type") == Name.EmbeddedFile:
                    obj.write(b"")
                    self._note_file()
                continue
            if not isinstance(obj, Dictionary):
                continue
            kind = obj.get("/Type")
            if "/EF" in obj and (kind is None or kind == Name.Filespec):
                del obj["/EF"]
                self._note_file()
            # A structure element has a parent (/P) and an /S of its own; an action has neither.
            action = obj.get("/S")
            if "/P" in obj or not isinstance(action, Name) or str(action) not in ACTION_LABELS:
                continue
            if kind is not None and kind != Name.Action:
                continue
            self.removed.append(ACTION_LABELS[str(action)])
            for key in list(obj.keys()):
                if key != "/Type":
                    del obj[key]
            obj.S = Name.Named
            obj.N = Name.FirstPage  # harmless in whatever place still points at it


def _seen(obj, seen):
    if not obj.is_indirect:
        return False
    if obj.objgen in seen:
        return True
    seen.add(obj.objgen)
    return False
