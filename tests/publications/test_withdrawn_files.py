"""A withdrawn version's PDF leaves the public media store for the private one: nothing withdrawn
stays where a publicly readable bucket would serve it, staff who may see it still can, and
``verify_published_files`` checks it where it is now."""

import hashlib

import pytest
from django.apps import apps as global_apps
from django.core.files.storage import default_storage, storages
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from pcc_portal.operations.backups import verify_published_files
from pcc_portal.publications import services
from pcc_portal.publications.models import MovedFile, Withdrawal
from tests.access import AccessRule
from tests.accounts.factories import UserFactory


def _stores(tmp_path, backend="django.core.files.storage.FileSystemStorage"):
    def store(name):
        if backend.endswith("FileSystemStorage"):
            return {"BACKEND": backend, "OPTIONS": {"location": str(tmp_path / name)}}
        return {"BACKEND": backend}

    return {
        "default": store("media"),
        "private": store("private-media"),
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def stores(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = _stores(tmp_path)
    return tmp_path


def _sha(storage, name):
    with storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _withdraw(page, editor, django_capture_on_commit_callbacks, reason="Out of date"):
    with django_capture_on_commit_callbacks(execute=True):
        return services.withdraw(obj=page, by=editor, reason=reason)


@pytest.fixture
def withdrawn(stores, page, editor, publish, django_capture_on_commit_callbacks):
    """A page published then withdrawn: its version and the private copy its PDF moved to."""
    version = publish(page, editor)
    _withdraw(page, editor, django_capture_on_commit_callbacks)
    return version, MovedFile.objects.get(version=version)


@pytest.mark.django_db
def test_a_withdrawn_pdf_leaves_public_storage_for_private_with_the_same_checksum(
    stores, client, page, editor, publish, django_capture_on_commit_callbacks
):
    version = publish(page, editor)
    name = version.pdf.name
    assert default_storage.exists(name)
    assert verify_published_files().problems == []

    _withdraw(page, editor, django_capture_on_commit_callbacks)

    assert not default_storage.exists(name)
    assert not any((stores / "media").rglob("*.pdf"))
    moved = MovedFile.objects.get(version=version)
    assert storages["private"].exists(moved.name)
    assert _sha(storages["private"], moved.name) == version.sha256
    assert version.pdf_location() == (storages["private"], moved.name)
    for url in ("/pages/about.pdf", "/pages/about/versions/1.pdf", "/pages/about/"):
        assert client.get(url).status_code == 410, url
    check = verify_published_files()
    assert check.checked == 1
    assert check.problems == []
    call_command("verify_published_files")


@pytest.mark.django_db
def test_verification_fails_when_the_private_copy_of_a_withdrawn_pdf_is_tampered_with(
    withdrawn,
):
    version, moved = withdrawn
    path = storages["private"].path(moved.name)
    with open(path, "ab") as handle:
        handle.write(b"%% tampered")
    check = verify_published_files()
    assert check.problems == [
        f"publications.Version {version.pk}: {moved.name} (private store) does not match its "
        "checksum"
    ]
    with pytest.raises(CommandError, match="1 of 1 published files failed"):
        call_command("verify_published_files")


@pytest.mark.django_db
def test_verification_fails_when_the_private_copy_is_missing(withdrawn):
    version, moved = withdrawn
    storages["private"].delete(moved.name)
    assert verify_published_files().problems == [
        f"publications.Version {version.pk}: {moved.name} (private store) is missing"
    ]


@pytest.mark.django_db
def test_a_public_copy_left_behind_is_reported_and_can_be_removed(
    stores, page, editor, publish, django_capture_on_commit_callbacks
):
    version = publish(page, editor)
    # The delete after commit never ran (the process stopped): the public copy is still there.
    with django_capture_on_commit_callbacks(execute=False):
        services.withdraw(obj=page, by=editor, reason="Out of date")
    assert default_storage.exists(version.pdf.name)
    assert verify_published_files().problems == [
        f"publications.Version {version.pk}: {version.pdf.name} is withdrawn but still in the "
        "public media store"
    ]
    with pytest.raises(CommandError, match="still in the public media store"):
        call_command("verify_published_files")
    call_command("verify_published_files", "--remove-withdrawn-from-public")
    assert not default_storage.exists(version.pdf.name)
    assert verify_published_files().problems == []


@pytest.mark.django_db
def test_a_withdrawal_rolled_back_leaves_the_file_where_it_was(
    stores, page, editor, publish, django_capture_on_commit_callbacks
):
    version = publish(page, editor)

    class Stop(Exception):
        pass

    with (
        pytest.raises(Stop),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        services.withdraw(obj=page, by=editor, reason="Out of date")
        raise Stop
    assert default_storage.exists(version.pdf.name)
    assert not MovedFile.objects.exists()
    assert not Withdrawal.objects.exists()
    assert verify_published_files().problems == []


@pytest.mark.django_db
def test_a_version_withdrawn_while_rendering_never_lands_in_public_storage(
    stores, page, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        version = services.publish(obj=page, by=editor, note="First")
    # Withdrawing covers the version still rendering; an earlier one must be public to withdraw.
    Withdrawal.objects.create(
        content_object=page, up_to_number=version.number, reason="Wrong page", withdrawn_by=editor
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.run_render_job(job_id=version.render_job.pk)
    version.refresh_from_db()
    assert version.status == version.Status.READY
    assert not default_storage.exists(version.pdf.name)
    moved = MovedFile.objects.get(version=version)
    assert _sha(storages["private"], moved.name) == version.sha256
    assert verify_published_files().problems == []


@pytest.mark.django_db
def test_only_the_withdrawn_versions_move_and_a_later_version_stays_public(
    stores, client, page, editor, publish, django_capture_on_commit_callbacks
):
    first = publish(page, editor)
    _withdraw(page, editor, django_capture_on_commit_callbacks)
    page.body = "Corrected."
    page.save()
    second = publish(page, editor, note="Corrected")
    assert not default_storage.exists(first.pdf.name)
    assert default_storage.exists(second.pdf.name)
    assert list(MovedFile.objects.values_list("version", flat=True)) == [first.pk]
    response = client.get("/pages/about.pdf")
    assert response.status_code == 200
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == second.sha256
    assert client.get("/pages/about/versions/1.pdf").status_code == 410


@pytest.mark.django_db
def test_staff_who_may_see_the_page_still_open_a_withdrawn_pdf_from_private_storage(
    stores, client, page, editor, publish, django_capture_on_commit_callbacks
):
    version = publish(page, editor)
    _withdraw(page, editor, django_capture_on_commit_callbacks)
    url = reverse("publications_manage:version_pdf", kwargs={"pk": version.pk})

    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory(username="nobody"))
    assert client.get(url).status_code == 403
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == version.sha256
    # The staff page links to it.
    manage = client.get(page.get_manage_url())
    assert url in manage.content.decode()


@pytest.mark.django_db
def test_withdrawal_moves_files_with_non_filesystem_storage_backends(
    settings, tmp_path, client, page, editor, publish, django_capture_on_commit_callbacks
):
    # Production may keep media in buckets: nothing here may rely on file system paths.
    settings.STORAGES = _stores(tmp_path, backend="django.core.files.storage.InMemoryStorage")
    version = publish(page, editor)
    assert default_storage.exists(version.pdf.name)
    _withdraw(page, editor, django_capture_on_commit_callbacks)
    moved = MovedFile.objects.get(version=version)
    assert not default_storage.exists(version.pdf.name)
    assert _sha(storages["private"], moved.name) == version.sha256
    assert client.get("/pages/about.pdf").status_code == 410
    assert verify_published_files().problems == []


@pytest.mark.django_db
def test_the_migration_moves_files_withdrawn_before_it(
    stores, page, editor, publish, django_capture_on_commit_callbacks
):
    from importlib import import_module

    migration = import_module(
        "pcc_portal.publications.migrations.0008_withdrawn_files_in_private_storage"
    )
    version = publish(page, editor)
    # Withdrawn as the portal did before files were moved: the PDF stayed public.
    Withdrawal.objects.create(
        content_object=page, up_to_number=1, reason="Out of date", withdrawn_by=editor
    )
    assert default_storage.exists(version.pdf.name)
    migration.move_withdrawn_files(global_apps, None)
    moved = MovedFile.objects.get(version=version)
    assert not default_storage.exists(version.pdf.name)
    assert _sha(storages["private"], moved.name) == version.sha256
    assert verify_published_files().problems == []
    migration.move_back(global_apps, None)
    assert default_storage.exists(version.pdf.name)
    assert not MovedFile.objects.exists()


# Index documents (the Specified Information index's uploads) follow the same rule.


@pytest.mark.django_db
def test_a_withdrawn_index_document_leaves_public_storage_for_private(
    stores, client, editor, django_capture_on_commit_callbacks
):
    from tests.api.helpers import index_document, uploaded_item
    from transparency import services as transparency

    document = index_document(uploaded_item(), "Senior salaries 2025", editor)
    name, url = document.file.name, document.get_absolute_url()
    before = _sha(default_storage, name)
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        document = transparency.withdraw_document(
            document=document, by=editor, reason="Published in error"
        )

    assert not default_storage.exists(name)
    assert _sha(storages["private"], document.private_name) == before
    assert client.get(url).status_code == 410  # with the notice, as everything withdrawn
    assert verify_published_files().problems == []


@pytest.mark.django_db
def test_an_index_documents_public_copy_left_behind_is_reported_and_removed(
    stores, editor, django_capture_on_commit_callbacks
):
    from tests.api.helpers import index_document, uploaded_item
    from transparency import services as transparency

    document = index_document(uploaded_item(), "Senior salaries 2025", editor)
    with django_capture_on_commit_callbacks(execute=False):
        transparency.withdraw_document(document=document, by=editor, reason="Published in error")

    assert verify_published_files().problems == [
        f"transparency.ItemDocument {document.pk}: {document.file.name} is withdrawn but still "
        "in the public media store"
    ]
    call_command("verify_published_files", "--remove-withdrawn-from-public")
    assert not default_storage.exists(document.file.name)
    assert verify_published_files().problems == []


class TestStaffVersionPdfAccess(AccessRule):
    url_name = "publications_manage:version_pdf"
    access = "pages.view_contentpage"

    def make_url_kwargs(self):
        from django.core.files.base import ContentFile

        from tests.pages.factories import ContentPageFactory
        from tests.publications.factories import ready_version

        page = ContentPageFactory(title="About the Commissioner", slug="about")
        pdf = b"%PDF-1.7\n%%EOF\n"
        version = ready_version(
            page,
            by=UserFactory(username="publisher"),
            document_type="page",
            change_note="First publication",
            pdf=default_storage.save("publications/access-rule.pdf", ContentFile(pdf)),
            sha256=hashlib.sha256(pdf).hexdigest(),
        )
        return {"pk": version.pk}
