"""A published document of the transparency index opens in the browser when it is a PDF, and is
saved when it is a spreadsheet, CSV or JSON file; a PDF is published as its cleaned copy, as
every uploaded PDF is, and any other file only when its content is the kind its name says."""

import datetime
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.publications.hostile_pdfs import active_content, every_hostile_thing, tagged_pdf
from transparency import services
from transparency.models import ItemDocument, SpecifiedItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "disposition"),
    [
        ("senior-salaries.pdf", "inline"),
        ("senior-salaries.csv", "attachment"),
        ("senior-salaries.json", "attachment"),
    ],
)
def test_a_pdf_opens_in_the_browser_and_other_files_are_saved(client, name, disposition):
    document = services.publish_document(
        item=SpecifiedItem.objects.get(code="senior-salaries"),
        title="Senior salaries 2025",
        file=ContentFile(tagged_pdf("Salaries") if name.endswith(".pdf") else b"{}", name=name),
        period_from=datetime.date(2025, 6, 1),
        period_to=datetime.date(2025, 6, 1),
        by=UserFactory(),
    )
    response = client.get(reverse("transparency:document", kwargs={"pk": document.pk}))
    assert response.status_code == 200
    kind, saved_as = response["Content-Disposition"].split("; ")
    assert kind == disposition
    assert saved_as.startswith('filename="senior-salaries')
    assert saved_as.endswith(f'.{name.rsplit(".", 1)[1]}"')


def _upload(client, editor, name, content):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    client.force_login(editor)
    return client.post(
        reverse("transparency_manage:document_create", kwargs={"pk": item.pk}),
        {
            "title": "Senior salaries 2025",
            "file": SimpleUploadedFile(name, content),
            "period_from": "2025-06-01",
            "period_to": "2025-06-01",
        },
    )


def test_a_pdf_is_published_without_its_scripts_and_embedded_files(client, editor):
    """Index documents were published as uploaded, scripts and all, and opened in the browser."""
    hostile = every_hostile_thing()
    assert active_content(hostile)
    assert _upload(client, editor, "salaries.pdf", hostile).status_code == 302
    document = ItemDocument.objects.get()
    served = client.get(reverse("transparency:document", kwargs={"pk": document.pk}))
    assert active_content(b"".join(served.streaming_content)) == []


def test_a_pdf_that_cannot_be_cleaned_is_refused_beside_the_file(client, editor):
    response = _upload(client, editor, "salaries.pdf", b"%PDF-1.7\nnot really a pdf")
    page = response.content.decode()
    assert response.status_code == 400
    assert "save it again as a PDF and upload that copy" in page
    assert 'href="#id_file"' in page and 'value="Senior salaries 2025"' in page
    assert not ItemDocument.objects.exists()


def _workbook():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Role", "Salary"])
    saved = io.BytesIO()
    workbook.save(saved)
    return saved.getvalue()


def _archive(**members):
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return saved.getvalue()


ODS = _archive(mimetype="application/vnd.oasis.opendocument.spreadsheet", content_xml="<x/>")
DOCX = _archive(
    **{
        "[Content_Types].xml": '<Types><Override PartName="/word/document.xml" ContentType="'
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>",
        "word__document.xml": "<w:document/>",
    }
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("salaries.json", b'\xef\xbb\xbf[{"role": "Chief Executive"}]'),
        ("salaries.xlsx", _workbook()),
        ("salaries.ods", ODS),
        ("salaries.docx", DOCX),
    ],
)
def test_a_file_that_is_what_its_name_says_is_published_as_it_came(client, editor, name, content):
    assert _upload(client, editor, name, content).status_code == 302
    document = ItemDocument.objects.get()
    served = client.get(reverse("transparency:document", kwargs={"pk": document.pk}))
    assert b"".join(served.streaming_content) == content


def test_a_csv_is_published_with_what_a_spreadsheet_would_run_marked_as_text(client, editor):
    """A staff CSV was published as it came: a cell from a supplier's name such as
    ``=HYPERLINK(...)`` ran in the spreadsheet of whoever downloaded it from the index."""
    content = 'Supplier,Amount\n"=HYPERLINK(""http://x"")",-98.50\nMerseyside £ Ltd,12\n'
    assert _upload(client, editor, "salaries.csv", content.encode("cp1252")).status_code == 302
    document = ItemDocument.objects.get()
    served = client.get(reverse("transparency:document", kwargs={"pk": document.pk}))
    assert b"".join(served.streaming_content).decode("utf-8") == (
        '\ufeffSupplier,Amount\r\n"\'=HYPERLINK(""http://x"")",-98.50\r\nMerseyside £ Ltd,12\r\n'
    )


def _with_member(data, name, content=b"Sub AutoOpen()"):
    saved = io.BytesIO(data)
    with zipfile.ZipFile(saved, "a") as archive:
        archive.writestr(name, content)
    return saved.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # A PDF named as another kind was published as it came, scripts and all; one that is a
        # zip archive too (a PDF reader finds the PDF, a zip reader the archive) opens as both.
        ("salaries.csv", tagged_pdf("Salaries"), "The file is a PDF: its name should end in .pdf"),
        ("salaries.json", every_hostile_thing(), "The file is a PDF: its name should end"),
        ("salaries.xlsx", tagged_pdf("Salaries") + _workbook(), "The file is a PDF"),
        ("salaries.csv", b"Role\x00Salary\n", "This is not a CSV file: it contains binary data"),
        ("salaries.csv", b"Role\x81\x8d\x8f\n", "could not be read: save it as UTF-8"),
        ("salaries.json", b'{"role": ', "The file is not valid JSON"),
        ("salaries.xlsx", b"Role,Salary\n", "The file cannot be read as XLSX: it may be damaged"),
        ("salaries.xlsx", DOCX, "The file cannot be read as XLSX"),
        ("salaries.odt", ODS, "The file cannot be read as ODT"),
        ("salaries.docx", _archive(word__document_xml="<w/>"), "cannot be read as DOCX"),
        ("salaries.xlsx", _with_member(_workbook(), "xl/vbaProject.bin"), "holds macros"),
        ("salaries.ods", _with_member(ODS, "Basic/Standard/Module1.xml"), "holds macros"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused_beside_the_file(
    client, editor, name, content, message
):
    """Only a file named .pdf was looked inside: a PDF named salaries.json was published as it
    came, scripts and all, and a damaged spreadsheet reached the public as a download."""
    response = _upload(client, editor, name, content)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'href="#id_file"' in page and 'value="Senior salaries 2025"' in page
    assert not ItemDocument.objects.exists()


def test_the_upload_says_which_kinds_are_published_and_how(client, editor):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    client.force_login(editor)
    page = client.get(reverse("transparency_manage:item", kwargs={"pk": item.pk})).content.decode()
    assert "A PDF, CSV, XLSX, ODS, ODT, DOCX or JSON file of up to 20 MB." in page
    assert "a spreadsheet or document must have no macros" in page
    assert "a CSV file is published with any cell a spreadsheet would run marked as text" in page
