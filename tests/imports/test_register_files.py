"""A register's PDFs (a contract's copies) imported from a ZIP with its spreadsheet: every named
file present, a real PDF and cleaned as an upload by hand is; every file in the ZIP named; ZIP
bombs, names pointing outside the ZIP and oversized members refused; all or nothing; copies kept
privately and public only as a release froze them; a re-run imports nothing twice."""

import io
import zipfile

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions.models import attachment_storage
from imports import registers, services, spreadsheets
from imports.models import EntryImport
from tests.imports.entries import apply
from tests.pdfs import stored_bytes
from tests.publications.hostile_pdfs import active_content, hostile_pdf, untagged_pdf
from transparency import services as transparency_services
from transparency.models import Contract

pytestmark = pytest.mark.django_db

HEADER = (
    "Reference,Contract,Supplier,Value,Starts,Ends,Copy of the contract,"
    "Copy of the invitation to tender"
)
ROWS = [
    "LANC/2021/044,Custody healthcare,Mitie Care and Custody,1250000,01/04/2021,31/03/2024,"
    "contract-044.pdf,copies/itt-044.pdf",
    "LANC/2022/007,Victims' referral service,Sample Support Services Ltd,450000,01/04/2022,"
    "31/03/2025,contract-007.pdf,",
]


def _zip(members, *, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


FILES = {
    "contract-044.pdf": untagged_pdf("COPY044"),
    "copies/itt-044.pdf": hostile_pdf("open-action-javascript", marker="TENDER044"),
    "contract-007.pdf": untagged_pdf("COPY007"),
    "__MACOSX/._contract-007.pdf": b"resource fork",  # what a Mac adds: ignored
}


def upload(editor, rows=ROWS, files=FILES, header=HEADER):
    text = "\n".join([header, *rows]) + "\n"
    return services.upload_entry_import(
        register="contracts",
        table=SimpleUploadedFile("contracts.csv", text.encode(), "text/csv"),
        files=SimpleUploadedFile("copies.zip", _zip(files), "application/zip")
        if files is not None
        else None,
        by=editor,
    )


def _problems(entry_import):
    return {(e["row"], e["column"], e["message"]) for e in entry_import.errors}


def test_the_copies_are_columns_naming_a_pdf_in_the_zip():
    columns = {c.field: c for c in registers.columns_of("contracts")}
    assert columns["contract_copy"].heading == "Copy of the contract"
    assert columns["contract_copy"].kind == "file" and not columns["contract_copy"].required
    assert columns["tender_copy"].heading == "Copy of the invitation to tender"
    assert "PDF in the ZIP" in columns["contract_copy"].describe()
    assert registers.keeps_files("contracts")
    assert not registers.keeps_files("grants")


def test_the_files_are_checked_cleaned_listed_and_nothing_is_applied_yet(editor, client, settings):
    entry_import = upload(editor)

    assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
    first, second = entry_import.rows
    assert [(f["column"], f["name"]) for f in first["files"]] == [
        ("Copy of the contract", "contract-044.pdf"),
        ("Copy of the invitation to tender", "itt-044.pdf"),
    ]
    assert first["files"][1]["removed"] == ["JavaScript"]
    assert first["files"][1]["tagged"] is True and first["files"][0]["tagged"] is False
    assert [f["name"] for f in second["files"]] == ["contract-007.pdf"]
    # The ZIP is kept privately, beside the spreadsheet, until the import is applied.
    assert entry_import.files.storage.location == str(settings.PRIVATE_MEDIA_ROOT)
    assert not Contract.objects.exists()

    client.force_login(editor)
    page = client.get(entry_import.get_absolute_url()).content.decode()
    assert "The files from the ZIP" in page
    assert "itt-044.pdf" in page and "contract-007.pdf" in page
    assert "removed: JavaScript" in page


def test_applied_copies_are_the_cleaned_pdfs_kept_privately_and_public_only_once_released(
    editor, client, settings
):
    applied = apply(upload(editor), editor, release=False)

    assert applied.status == EntryImport.Status.APPLIED, applied.errors
    contract = Contract.objects.get(reference="LANC/2021/044")
    assert contract.contract_copy.name.startswith("transparency/contracts/")
    assert contract.tender_copy.storage.location == attachment_storage().location
    assert contract.tender_copy.storage.location != str(settings.MEDIA_ROOT)
    tender = stored_bytes(contract.tender_copy)
    assert active_content(tender) == []  # the script is gone, as on an upload by hand
    assert contract.contract_copy_tagged is False and contract.tender_copy_tagged is True
    assert Contract.objects.get(reference="LANC/2022/007").tender_copy.name == ""
    assert "with contract-044.pdf, itt-044.pdf" in applied.run.changes[0]["detail"]

    copy = reverse("transparency:contract_copy", kwargs={"pk": contract.pk, "kind": "contract"})
    assert client.get(copy).status_code == 404  # a draft's copy is not public
    for url in (
        "/transparency/contracts/",
        "/transparency/contracts.csv",
        "/transparency/contracts.json",
        "/api/v1/registers/contracts/",
        "/search/?q=LANC",
        "/sitemap.xml",
        "/alerts/transparency/feed/",
    ):
        body = client.get(url).getvalue().decode()
        assert "LANC/2021/044" not in body and f"/contracts/{contract.pk}/" not in body, url

    transparency_services.release_entry(entry=contract, by=editor, note="Released")
    response = client.get(copy)
    assert response.status_code == 200 and b"COPY044" in response.getvalue()


def test_released_at_once_the_copies_go_out_with_the_release(editor, client):
    apply(upload(editor), editor, release=True)

    contract = Contract.objects.get(reference="LANC/2021/044")
    tender = reverse("transparency:contract_copy", kwargs={"pk": contract.pk, "kind": "tender"})
    body = client.get(tender).getvalue()
    assert body == stored_bytes(contract.tender_copy)  # the cleaned copy, as the release froze it
    assert active_content(body) == []


def test_a_file_missing_from_the_zip_names_its_row_and_nothing_is_applied(editor):
    rows = [ROWS[0], ROWS[1].replace("contract-007.pdf", "contract-008.pdf")]
    files = {name: content for name, content in FILES.items() if name != "contract-007.pdf"}

    entry_import = upload(editor, rows, files)

    assert entry_import.status == EntryImport.Status.INVALID
    assert (3, "Copy of the contract", "contract-008.pdf is not in the ZIP.") in _problems(
        entry_import
    )
    with pytest.raises(services.ImportFailed):
        apply(entry_import, editor, release=False)
    assert not Contract.objects.exists()


def test_a_file_no_row_names_is_reported_and_nothing_is_applied(editor):
    entry_import = upload(editor, files={**FILES, "stray/minutes.pdf": untagged_pdf("STRAY")})

    assert entry_import.status == EntryImport.Status.INVALID
    assert _problems(entry_import) == {
        (
            0,
            "ZIP",
            "minutes.pdf is in the ZIP but no row names it: name it in its row, or take it out "
            "of the ZIP.",
        )
    }
    assert not Contract.objects.exists()


def test_a_file_that_is_not_a_pdf_names_its_row_and_file(editor):
    files = {**FILES, "contract-007.pdf": b"PK\x03\x04 a Word document renamed"}

    entry_import = upload(editor, files=files)

    assert entry_import.status == EntryImport.Status.INVALID
    ((row, column, message),) = _problems(entry_import)
    assert (row, column) == (3, "Copy of the contract")
    assert message.startswith("contract-007.pdf: The file must be a PDF")
    assert not Contract.objects.exists()


def test_a_pdf_that_cannot_be_checked_is_refused(editor):
    broken = untagged_pdf("BROKEN")[:200]  # starts as a PDF, cut short
    encrypted = io.BytesIO()
    with pikepdf.open(io.BytesIO(untagged_pdf("LOCKED"))) as document:
        document.save(encrypted, encryption=pikepdf.Encryption(owner="o", user="u"))
    files = {**FILES, "contract-007.pdf": broken, "contract-044.pdf": encrypted.getvalue()}

    entry_import = upload(editor, files=files)

    problems = {(row, message.split(":")[0]) for row, _column, message in _problems(entry_import)}
    assert (2, "contract-044.pdf") in problems and (3, "contract-007.pdf") in problems
    assert "password" in " ".join(m for r, _c, m in _problems(entry_import) if r == 2)
    assert not Contract.objects.exists()


@pytest.mark.parametrize(
    "name", ["../../etc/contract-044.pdf", "/srv/contract-044.pdf", "C:/x/contract-044.pdf"]
)
def test_a_zip_with_a_name_pointing_outside_it_is_refused_whole(editor, client, name):
    files = {
        **{k: v for k, v in FILES.items() if k != "contract-044.pdf"},
        name: untagged_pdf("EVIL"),
    }
    with pytest.raises(spreadsheets.UnreadableUpload, match="points outside") as caught:
        upload(editor, files=files)
    assert caught.value.field == "files"

    client.force_login(editor)
    response = client.post(
        reverse("imports:entry_upload", kwargs={"register": "contracts"}),
        {
            "table": SimpleUploadedFile("c.csv", "\n".join([HEADER, *ROWS]).encode()),
            "files": SimpleUploadedFile("copies.zip", _zip(files)),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_files"' in page and "points outside" in page
    assert not EntryImport.objects.exists() and not Contract.objects.exists()


def test_a_member_larger_than_a_copy_may_be_is_named_and_never_read_whole(editor):
    # 21 MB of zeros deflates to a few kilobytes: a small ZIP that unpacks large.
    bomb = b"%PDF-1.7\n" + bytes(21 * 1024 * 1024)
    files = {**FILES, "contract-007.pdf": bomb}

    entry_import = upload(editor, files=files)

    assert (3, "Copy of the contract", "contract-007.pdf is larger than 20 MB.") in _problems(
        entry_import
    )
    assert not Contract.objects.exists()


def test_a_copy_the_entry_form_takes_is_taken_from_the_zip_too(editor):
    """The ZIP refused a copy over 15 MB that the entry's own form takes, up to 20 MB."""
    large = untagged_pdf("COPY007") + b"%" + b"x" * (16 * 1024 * 1024) + b"\n"
    entry_import = upload(editor, files={**FILES, "contract-007.pdf": large})
    assert entry_import.errors == []
    apply(entry_import, editor)
    assert b"%" + b"x" * 1024 not in stored_bytes(
        Contract.objects.get(reference="LANC/2022/007").contract_copy
    )


def test_a_zip_too_large_once_unpacked_or_with_too_many_files_is_refused(editor, monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_ZIP_BYTES", 10_000)
    with pytest.raises(spreadsheets.UnreadableUpload, match="too large once unpacked"):
        spreadsheets.read_zip(_zip({"a.pdf": bytes(20_000)}), field="files")
    monkeypatch.setattr(spreadsheets, "MAX_ZIP_MEMBERS", 2)
    with pytest.raises(spreadsheets.UnreadableUpload, match="more than 2 files"):
        spreadsheets.read_zip(_zip({f"{n}.pdf": b"x" for n in range(3)}), field="files")


def test_two_files_of_one_name_or_an_encrypted_member_are_refused():
    with pytest.raises(spreadsheets.UnreadableUpload, match="two files named"):
        spreadsheets.read_zip(_zip({"a/copy.pdf": b"1", "b/COPY.pdf": b"2"}))
    data = bytearray(_zip({"copy.pdf": b"x"}, compression=zipfile.ZIP_STORED))
    # Mark the member encrypted (general purpose flag bit 0), in its local and central headers.
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    with pytest.raises(spreadsheets.UnreadableUpload, match="encrypted"):
        spreadsheets.read_zip(bytes(data))


def test_a_member_that_unpacks_to_more_than_it_says_is_refused():
    data = bytearray(_zip({"copy.pdf": b"%PDF-" + b"A" * 5000}))
    # Lower the size the central directory declares: zipfile reads no more than that, and the
    # checksum of what it read fails.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    with pytest.raises(spreadsheets.UnreadableUpload, match="not a ZIP archive"):
        spreadsheets.read_zip(bytes(data), field="files", label="ZIP of PDFs")


def test_the_same_spreadsheet_and_zip_again_import_nothing_twice(editor):
    apply(upload(editor), editor, release=False)

    again = upload(editor)

    assert again.status == EntryImport.Status.CHECKED, again.errors
    assert [row["action"] for row in again.rows] == ["unchanged", "unchanged"]
    applied = apply(again, editor, release=False)
    assert applied.run.created_count == 0 and applied.run.unchanged_count == 2
    assert Contract.objects.count() == 2


def test_a_row_already_in_the_register_is_left_alone_whatever_its_copy(editor):
    apply(upload(editor), editor, release=False)

    changed = upload(editor, files={**FILES, "contract-007.pdf": untagged_pdf("COPY007 signed")})

    assert [row["action"] for row in changed.rows] == ["unchanged", "unchanged"]
    assert changed.rows[1]["detail"] == "already in the register"


def test_the_upload_page_asks_for_the_zip_only_where_a_register_keeps_files(editor, client):
    client.force_login(editor)
    contracts = client.get(reverse("imports:entry_upload", kwargs={"register": "contracts"}))
    grants = client.get(reverse("imports:entry_upload", kwargs={"register": "grants"}))
    assert 'name="files"' in contracts.content.decode()
    assert 'name="files"' not in grants.content.decode()


def test_a_file_that_is_not_a_zip_is_named_beside_its_field(editor, client):
    client.force_login(editor)
    response = client.post(
        reverse("imports:entry_upload", kwargs={"register": "contracts"}),
        {
            "table": SimpleUploadedFile("c.csv", "\n".join([HEADER, *ROWS]).encode()),
            "files": SimpleUploadedFile("copies.zip", b"not a zip"),
        },
    )
    assert response.status_code == 400
    assert "The ZIP of PDFs is not a ZIP archive that can be read." in response.content.decode()
    assert not EntryImport.objects.exists()


def test_the_history_of_a_release_is_recorded_by_the_publishing_service(editor):
    from pcc_portal.publications.services import record_release
    from tests.transparency.factories import GrantFactory

    grant = GrantFactory()
    record = record_release(obj=grant, by=editor, what="Released version 1")
    assert record.history_change_reason == "Released version 1"
    assert record.history_user == editor
