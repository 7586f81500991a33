"""The staff pages for register imports: who may use them, the templates and the upload page,
and checking a file then releasing it (or keeping drafts) from the browser."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.models import EntryImport
from tests.access import AccessRule, PostAction
from tests.accounts.factories import UserFactory, reauthenticate
from tests.imports.register_tables import GIFTS, table, upload
from tests.spreadsheets import listed_problems
from transparency.models import GiftHospitality

pytestmark = pytest.mark.django_db


def _import_kwargs():
    return {"pk": upload(UserFactory(username="uploader")).pk}


class TestEntryImportListAccess(AccessRule):
    url_name = "imports:entry_imports"
    access = "imports.view_entryimport"


class TestEntryImportUploadAccess(AccessRule):
    url_name = "imports:entry_upload"
    url_kwargs = {"register": "gifts-and-hospitality"}
    access = "imports.add_entryimport"


class TestEntryImportTemplateAccess(AccessRule):
    url_name = "imports:entry_template"
    url_kwargs = {"register": "grants", "extension": "xlsx"}
    access = "imports.add_entryimport"


class TestEntryImportDetailAccess(AccessRule):
    url_name = "imports:entry_import"
    access = "imports.view_entryimport"

    def make_url_kwargs(self):
        return _import_kwargs()


class TestEntryImportApplyAccess(PostAction, TestEntryImportDetailAccess):
    url_name = "imports:entry_apply"
    access = "imports.apply_entryimport"
    data = {"outcome": "draft"}


class TestEntryImportDiscardAccess(PostAction, TestEntryImportDetailAccess):
    url_name = "imports:entry_discard"
    access = "imports.add_entryimport"


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def test_the_template_downloads_as_csv(staff_client):
    response = staff_client.get(
        reverse("imports:entry_template", kwargs={"register": "contracts", "extension": "csv"})
    )
    assert response["Content-Disposition"] == 'attachment; filename="contracts.csv"'
    first_line = b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()[0]
    assert first_line.startswith("Reference,Contract,Supplier,Value,Starts,Ends")


def test_the_upload_page_explains_each_column(staff_client):
    page = staff_client.get(
        reverse("imports:entry_upload", kwargs={"register": "gifts-and-hospitality"})
    ).content.decode()
    assert "Accepted or declined" in page
    assert "One of: Accepted, Declined." in page
    assert 'href="/manage/imports/registers/gifts-and-hospitality/template.xlsx"' in page


def test_an_unreadable_file_is_named_beside_its_field(staff_client):
    response = staff_client.post(
        reverse("imports:entry_upload", kwargs={"register": "grants"}),
        {"table": SimpleUploadedFile("grants.xlsx", b"not a workbook")},
    )
    assert response.status_code == 400
    assert "The file is not a valid Excel workbook" in response.content.decode()
    assert not EntryImport.objects.exists()


def test_staff_check_then_release_asking_for_the_password(staff_client, editor):
    response = staff_client.post(
        reverse("imports:entry_upload", kwargs={"register": "gifts-and-hospitality"}),
        {"table": table()},
    )
    entry_import = EntryImport.objects.get()
    assert response["Location"] == entry_import.get_absolute_url()
    preview = staff_client.get(entry_import.get_absolute_url()).content.decode()
    assert "Lancashire Business Awards" in preview and "£1,120.00" in preview
    assert "Import the new entries" in preview
    apply_url = reverse("imports:entry_apply", kwargs={"pk": entry_import.pk})

    unchosen = staff_client.post(apply_url, {})
    assert unchosen.status_code == 400
    assert "Choose whether to release the new entries now" in unchosen.content.decode()
    asked = staff_client.post(apply_url, {"outcome": "release"})
    assert asked["Location"].startswith("/accounts/reauthenticate/")
    assert not GiftHospitality.objects.exists()

    reauthenticate(staff_client)
    staff_client.post(apply_url, {"outcome": "release"})
    page = staff_client.get(entry_import.get_absolute_url()).content.decode()
    assert "2 entries imported and released." in page
    assert GiftHospitality.objects.public().count() == 2


def test_keeping_drafts_does_not_ask_for_the_password(staff_client):
    entry_import = upload(UserFactory(username="uploader"))

    response = staff_client.post(
        reverse("imports:entry_apply", kwargs={"pk": entry_import.pk}), {"outcome": "draft"}
    )

    assert response["Location"] == entry_import.get_absolute_url()
    assert GiftHospitality.objects.count() == 2
    assert not GiftHospitality.objects.public().exists()


def test_a_file_with_problems_lists_them_by_row_and_counts_them(staff_client):
    staff_client.post(
        reverse("imports:entry_upload", kwargs={"register": "gifts-and-hospitality"}),
        {"table": table(GIFTS.splitlines()[0] + "\nx,,,,,,,,\n")},
    )
    page = staff_client.get(EntryImport.objects.get().get_absolute_url()).content.decode()
    problems = listed_problems(page)
    assert len(problems) > 1 and {row for row, _, _ in problems} == {"2"}
    assert f"Nothing can be applied: {len(problems)} problems in 1 row" in page
    assert ["2", "Date", "“x” is not a date like 15/12/2021."] in problems
    assert "Import the new entries" not in page
