"""What a document published on the Specified Information index may be: a file whose content is
the kind its name says, so the download the index offers as a spreadsheet is a spreadsheet. A PDF
is kept as its cleaned copy (``make_safe``), a CSV as written again by the portal's one CSV writer
(``safe_csv``); an office file is refused if it holds macros."""

import io
import json
import zipfile
import zlib

from django.core.files.base import ContentFile

from pcc_portal.publications.pdf_safety import InvalidPDF, make_safe
from pcc_portal.tables import UnreadableTable, safe_csv

# Each kind the index publishes, by the ending of its name, as the page names it.
FORMATS = {
    ".pdf": "PDF",
    ".csv": "CSV",
    ".xlsx": "XLSX",
    ".ods": "ODS",
    ".odt": "ODT",
    ".docx": "DOCX",
    ".json": "JSON",
}

# An OpenDocument file names its kind in its first member, "mimetype".
OPENDOCUMENT = {
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
    ".odt": b"application/vnd.oasis.opendocument.text",
}
# An Office Open XML file declares its main part's kind in "[Content_Types].xml"; the
# macro-enabled kinds (.xlsm, .docm) declare another.
OFFICE_OPEN_XML = {
    ".xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ".docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}
# Where the kind is declared, the most of that member read: the declaration is near its start.
MAX_DECLARATION = 1024 * 1024
# Where office files keep macros: a VBA project, and OpenDocument's Basic and script folders.
MACRO_FILE = "vbaproject.bin"
MACRO_FOLDERS = ("basic/", "scripts/")

# A PDF reader finds a PDF's header anywhere in its first kilobyte.
PDF_HEADER_WINDOW = 1024


class UnfitDocument(ValueError):
    """The file is not the kind its name says, or is that kind but unfit to publish."""


def kind_of(name):
    """The kind of file ``name`` says it is ("PDF", "CSV", ...), or None if the index does not
    publish that kind."""
    return FORMATS.get(_ending(name))


def publishable(file):
    """``file`` as it is to be published: a PDF's cleaned copy, a CSV's safe copy, any other
    kind as it came once its content is found to be what its name says. Raises
    ``UnfitDocument``, saying what to do."""
    ending = _ending(file.name)
    if ending not in FORMATS:
        raise UnfitDocument(f"The file must be a {kinds()} file.")
    file.seek(0)
    data = file.read()
    if ending == ".pdf":
        try:
            return ContentFile(make_safe(data).content, name=file.name)
        except InvalidPDF as error:
            raise UnfitDocument(str(error)) from error
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        raise UnfitDocument("The file is a PDF: its name should end in .pdf.")
    if ending == ".csv":
        try:
            return ContentFile(safe_csv(data), name=file.name)
        except UnreadableTable as error:
            raise UnfitDocument(str(error)) from error
    elif ending == ".json":
        _check_json(data)
    else:
        _check_office_file(data, ending)
    file.seek(0)
    return file


def kinds():
    """The kinds the index publishes, as a sentence names them."""
    *most, last = FORMATS.values()
    return f"{', '.join(most)} or {last}"


def _ending(name):
    return "." + name.lower().rsplit(".", 1)[-1] if "." in name else ""


def _check_json(data):
    try:
        json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise UnfitDocument(
            "The file is not valid JSON: check it in the program that wrote it, and save it "
            "again as UTF-8."
        ) from error


def _check_office_file(data, ending):
    named = FORMATS[ending]
    not_that_kind = UnfitDocument(
        f"The file cannot be read as {named}: it may be damaged or in another format. Save it "
        f"again as {named} from the program that made it."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if ending in OPENDOCUMENT:
                fits = _member(archive, "mimetype").strip() == OPENDOCUMENT[ending]
            else:
                fits = OFFICE_OPEN_XML[ending] in _member(archive, "[Content_Types].xml")
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        NotImplementedError,
    ) as error:
        raise not_that_kind from error
    if not fits:
        raise not_that_kind
    if any(_holds_macros(name.lower()) for name in names):
        raise UnfitDocument(
            f"The {named} file holds macros, which the index does not publish: save a copy "
            "without them."
        )


def _member(archive, name):
    """The archive's member ``name``, read no further than ``MAX_DECLARATION`` bytes; empty if
    it has none."""
    try:
        with archive.open(name) as stream:
            return stream.read(MAX_DECLARATION)
    except KeyError:
        return b""


def _holds_macros(name):
    return name.rsplit("/", 1)[-1] == MACRO_FILE or name.startswith(MACRO_FOLDERS)
