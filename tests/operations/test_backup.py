"""Backups: the database and both media stores out, and back into an empty portal that serves the
same pages and PDFs. The round trip runs on PostgreSQL (pg_dump and pg_restore), as production."""

import hashlib
import json
import os
import subprocess
import sys
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from decisions import services
from pcc_portal.operations.backups import (
    BackupError,
    restore_backup,
    sha256_of,
    verify_published_files,
)
from tests.decisions.conftest import declare
from tests.decisions.factories import DecisionFactory
from tests.worker import BASE_DIR, database_url

postgres_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in {"postgres", "postgresql"},
    reason="the backup round trip uses pg_dump and pg_restore (runs on PostgreSQL in CI)",
)


@pytest.fixture
def stores(settings, tmp_path):
    """Public and private media in folders of this test's own."""
    media, private = tmp_path / "media", tmp_path / "private-media"
    settings.MEDIA_ROOT = str(media)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(private)},
        },
    }
    return media, private


@pytest.fixture
def published_decision(stores, editor, decision_maker, django_capture_on_commit_callbacks):
    decision = DecisionFactory(title="Community Safety Partnerships Funding 2021/22")
    services.submit_decision(decision=decision, by=editor)
    declare(decision)
    services.sign_decision(decision=decision, by=decision_maker)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.publish_decision(decision=decision, by=editor, note="First publication")
    version.refresh_from_db()
    assert version.status == version.Status.READY
    return decision, version


@pytest.fixture
def empty_database(transactional_db):
    name = f"pcc_restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    settings_dict = {**connection.settings_dict, "NAME": name}
    yield database_url(settings_dict)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(*args, env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


FETCH = """
import hashlib, json, sys
import django
django.setup()
from django.test import Client
client = Client()
out = {}
for path in sys.argv[1:]:
    response = client.get(path, secure=True)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    out[path] = [response.status_code, hashlib.sha256(body).hexdigest()]
print(json.dumps(out))
"""


def _fetch(client, paths):
    out = {}
    for path in paths:
        response = client.get(path, secure=True)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        out[path] = [response.status_code, hashlib.sha256(body).hexdigest()]
    return out


@postgres_only
def test_a_restored_backup_serves_the_same_pages_and_pdfs(
    published_decision, empty_database, tmp_path, client
):
    decision, version = published_decision
    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest["files"]) == {"database.dump", "media.tar.gz", "private-media.tar.gz"}
    assert manifest["published_files"] == 1

    env = {
        **os.environ,
        "DATABASE_URL": empty_database,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"),
        "ALLOWED_HOSTS": "testserver",
        "REDIS_URL": "",
    }
    restored = _manage("restore", str(folder), env=env)
    assert restored.returncode == 0, restored.stderr
    assert "All 1 published files verified." in restored.stdout

    paths = [decision.get_absolute_url(), decision.get_pdf_url(), "/decisions/"]
    before = _fetch(client, paths)
    fetched = subprocess.run(  # noqa: S603
        [sys.executable, "-c", FETCH, *paths],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "pcc_portal.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert fetched.returncode == 0, fetched.stderr
    after = json.loads(fetched.stdout.strip().splitlines()[-1])
    assert before[paths[1]][0] == 200
    assert after[paths[1]] == before[paths[1]]  # the same PDF, byte for byte
    assert after[paths[0]][0] == 200
    assert after[paths[2]][0] == 200

    # Restoring a second time would overwrite a live portal: refused.
    again = _manage("restore", str(folder), env=env)
    assert again.returncode != 0
    assert "The database is not empty" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path, db):
    folder = tmp_path / "portal-backup"
    folder.mkdir()
    (folder / "database.dump").write_bytes(b"a dump")
    (folder / "manifest.json").write_text(
        json.dumps(
            {
                "format": 1,
                "database": connection.vendor,
                "published_files": 0,
                "files": {"database.dump": hashlib.sha256(b"another dump").hexdigest()},
            }
        )
    )
    with pytest.raises(BackupError, match="does not match its checksum"):
        restore_backup(folder=folder)


def test_a_restore_never_goes_into_a_database_that_has_tables(tmp_path, db):
    folder = tmp_path / "portal-backup"
    folder.mkdir()
    (folder / "manifest.json").write_text(
        json.dumps({"format": 1, "database": connection.vendor, "published_files": 0, "files": {}})
    )
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(folder))


def test_a_folder_without_a_manifest_is_not_a_backup(tmp_path, db):
    with pytest.raises(BackupError, match="not a portal backup"):
        restore_backup(folder=tmp_path)


def test_verification_names_a_published_file_that_was_changed(published_decision):
    _decision, version = published_decision
    assert verify_published_files().problems == []
    path = version.pdf.path
    with open(path, "ab") as handle:
        handle.write(b"%% tampered")
    assert sha256_of(path) != version.sha256
    check = verify_published_files()
    assert check.checked == 1
    assert check.problems == [
        f"publications.Version {version.pk}: {version.pdf.name} does not match its checksum"
    ]
    with pytest.raises(CommandError, match="1 of 1 published files failed"):
        call_command("verify_published_files")
