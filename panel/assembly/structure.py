"""Grafting each part's structure tree under the pack's one ``Document`` element, and cleaning
an uploaded part's pages (its tags dropped where it has none, its active content removed)."""

import re

from pikepdf import Array, Dictionary, Name


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
