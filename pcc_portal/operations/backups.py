"""Backing up and restoring a whole portal: the database and both media stores (public and
private), with a manifest of checksums, and the check that every published file is still the one
that was published.

A backup is a folder: ``database.dump`` (pg_dump's custom format, or ``database.sqlite3`` for the
embedded default), ``media.tar.gz``, ``private-media.tar.gz`` and ``manifest.json``. A restore goes
into an empty database and empty media stores only, so it can never overwrite a live portal.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.utils import timezone

FORMAT = 1
ARCHIVES = {"default": "media.tar.gz", "private": "private-media.tar.gz"}

# Every stored file whose checksum was recorded when it was published or frozen:
# (model, file field, checksum field, the filter for the rows that must have the file).
CHECKSUMMED_FILES = [
    ("publications.Version", "pdf", "sha256", {"status": "ready"}),
    ("panel.PackBuild", "members_pdf", "members_sha256", {"status": "ready"}),
    ("panel.Paper", "upload", "upload_sha256", {}),
]


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def sha256_of(path_or_file):
    digest = hashlib.sha256()
    if isinstance(path_or_file, str | Path):
        with open(path_or_file, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    else:
        for chunk in path_or_file.chunks():
            digest.update(chunk)
    return digest.hexdigest()


def _is_postgres():
    return connection.vendor == "postgresql"


def _pg_env():
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, name in [("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")]:
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    env["PGDATABASE"] = db["NAME"]
    return env


def _media_root(alias):
    storage = storages[alias]
    if not isinstance(storage, FileSystemStorage):
        return None
    return Path(storage.location)


def _run(command, **kwargs):
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def create_backup(*, into):
    """Write a new backup folder under ``into`` and return its path."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    folder = Path(into) / f"portal-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    files = {}

    if _is_postgres():
        dump = folder / "database.dump"
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"],
            env=_pg_env(),
        )
    else:
        dump = folder / "database.sqlite3"
        connection.ensure_connection()
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(dump)
        with target:
            source.backup(target)
        source.close()
        target.close()
    files[dump.name] = sha256_of(dump)

    skipped = []
    for alias, archive_name in ARCHIVES.items():
        root = _media_root(alias)
        if root is None:
            skipped.append(alias)
            continue
        archive = folder / archive_name
        with tarfile.open(archive, "w:gz") as tar:
            if root.exists():
                tar.add(root, arcname=".")
        files[archive_name] = sha256_of(archive)

    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "files": files,
        "not_included": dict.fromkeys(
            skipped, "not on the file system: back up its bucket (versioning or replication)"
        ),
        "published_files": published_file_count(),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def _read_manifest(folder):
    path = Path(folder) / "manifest.json"
    if not path.exists():
        raise BackupError(f"{folder} has no manifest.json: it is not a portal backup.")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} is a backup in format {manifest.get('format')}, not {FORMAT}.")
    for name, expected in manifest["files"].items():
        if not (Path(folder) / name).exists():
            raise BackupError(f"{name} is missing from the backup.")
        if sha256_of(Path(folder) / name) != expected:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged.")
    return manifest


def restore_backup(*, folder):
    """Restore ``folder`` into the configured, empty database and media stores."""
    folder = Path(folder)
    manifest = _read_manifest(folder)
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest['database']} database; this portal is configured "
            f"for {connection.vendor}."
        )
    if connection.introspection.table_names():
        raise BackupError(
            "The database is not empty. Restore into a new, empty database (createdb), so that "
            "a restore can never overwrite a live portal."
        )
    roots = {alias: _media_root(alias) for alias in ARCHIVES}
    for alias, root in roots.items():
        if root is not None and root.exists() and any(root.iterdir()):
            raise BackupError(f"The {alias} media store at {root} is not empty.")

    if _is_postgres():
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(folder / "database.dump"),
            ],
            env=_pg_env(),
        )
    else:
        connection.close()
        shutil.copyfile(folder / "database.sqlite3", settings.DATABASES["default"]["NAME"])

    for alias, archive_name in ARCHIVES.items():
        root = roots[alias]
        if root is None or archive_name not in manifest["files"]:
            continue
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / archive_name, "r:gz") as tar:
            tar.extractall(root, filter="data")
    connection.close()
    return manifest


@dataclass
class FileCheck:
    checked: int
    problems: list


def published_file_count():
    return sum(
        apps.get_model(label).objects.filter(**rows).exclude(**{field: ""}).count()
        for label, field, _, rows in CHECKSUMMED_FILES
    )


def verify_published_files():
    """Read every published file back and compare it with the checksum taken at publication."""
    checked, problems = 0, []
    for label, field, checksum_field, rows in CHECKSUMMED_FILES:
        model = apps.get_model(label)
        queryset = model.objects.filter(**rows).exclude(**{field: ""}).only(field, checksum_field)
        for obj in queryset.iterator(chunk_size=500):
            file = getattr(obj, field)
            # A model that keeps some files elsewhere (a withdrawn version's PDF, moved to the
            # private store) says where with ``<field>_location()``.
            located = getattr(obj, f"{field}_location", None)
            storage, name = located() if located else (file.storage, file.name)
            where = name if storage is file.storage else f"{name} (private store)"
            checked += 1
            try:
                with storage.open(name, "rb") as handle:
                    actual = sha256_of(handle)
            except FileNotFoundError:
                problems.append(f"{label} {obj.pk}: {where} is missing")
                continue
            if actual != getattr(obj, checksum_field):
                problems.append(f"{label} {obj.pk}: {where} does not match its checksum")
    problems += _withdrawn_files_left_public()
    return FileCheck(checked=checked, problems=problems)


def withdrawn_files_left_public():
    """Files of withdrawn publications still in the public media store (a delete that failed
    after the withdrawal): withdrawn versions' PDFs and withdrawn index documents."""
    MovedFile = apps.get_model("publications", "MovedFile")
    ItemDocument = apps.get_model("transparency", "ItemDocument")
    for moved in MovedFile.objects.select_related("version").iterator(chunk_size=500):
        if moved.version.pdf.name and moved.version.pdf.storage.exists(moved.version.pdf.name):
            yield moved.version.pdf
    withdrawn = ItemDocument.objects.exclude(withdrawn_at=None).exclude(file="")
    for document in withdrawn.only("file").iterator(chunk_size=500):
        if document.file.storage.exists(document.file.name):
            yield document.file


def _withdrawn_files_left_public():
    """Nothing withdrawn may stay where a public bucket would serve it."""
    return [
        f"{file.instance._meta.label} {file.instance.pk}: {file.name} is withdrawn but still "
        "in the public media store"
        for file in withdrawn_files_left_public()
    ]
