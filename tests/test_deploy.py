"""The production path: the commands in deploy/portal that the image, docker-compose and CI run.

The tests elsewhere use the plain static storage for speed; these run the production one, which
refuses a stylesheet or script that names a file that does not exist.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core import checks
from django.db.models import fields as model_fields

ROOT = Path(__file__).resolve().parent.parent
PORTAL = ROOT / "deploy" / "portal"


def _production_env(**extra):
    env = {key: value for key, value in os.environ.items() if key not in ("STATIC_STORAGE",)}
    env.update(
        {
            "DEBUG": "0",
            "REQUIRE_MFA": "1",
            "SECURE_SSL_REDIRECT": "1",
            "SECRET_KEY": "a-long-random-production-like-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "portal.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
            "PYTHON": sys.executable,
            **extra,
        }
    )
    return env


def _portal(*args, env):
    return subprocess.run(  # noqa: S603 (our own script with fixed arguments)
        [str(PORTAL), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_production_build_collects_hashed_compressed_static_files(tmp_path):
    result = _portal("build", env=_production_env(STATIC_ROOT=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in ("build/portal.css", "build/govuk-frontend.js", "js/portal.js"):
        hashed = manifest[name]
        assert hashed != name
        assert (tmp_path / hashed).exists()
        if name.startswith("build/"):  # WhiteNoise skips files too small to gain from it
            assert (tmp_path / f"{hashed}.gz").exists()


def test_the_front_end_bundle_names_no_source_map_that_is_not_shipped():
    bundle = (ROOT / "static" / "build" / "govuk-frontend.js").read_text()
    assert "sourceMappingURL" not in bundle


def test_release_refuses_to_go_on_when_the_deployment_checklist_fails(tmp_path):
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    unsafe = _portal("release", env=_production_env(DATABASE_URL=database, SECURE_SSL_REDIRECT="0"))
    assert unsafe.returncode != 0
    assert "SECURE_SSL_REDIRECT" in unsafe.stderr + unsafe.stdout

    safe = _portal("release", env=_production_env(DATABASE_URL=database))
    assert safe.returncode == 0, safe.stderr
    assert "no issues" in safe.stdout


def test_the_release_checks_pass_at_any_time_of_day(monkeypatch):
    """Django warns of a fixed time default within ten seconds of the time the checks run: a
    meeting's usual start, 18:00, failed every release between 17:59:50 and 18:00:10."""
    at_six = datetime.datetime(2026, 12, 5, 18, 0, 5)  # noqa: DTZ001 - Django's check is naive
    monkeypatch.setattr(model_fields, "_get_naive_now", lambda: at_six)
    assert [message.id for message in checks.run_checks()] == []


def test_an_unknown_command_prints_the_usage():
    result = _portal("deploy-everything", env=_production_env())
    assert result.returncode == 2
    assert "deploy/portal web" in result.stderr


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_every_portal_service_runs_a_deploy_portal_command():
    services = _compose()["services"]
    commands = {
        name: services[name].get("command") for name in ("migrate", "web", "worker", "beat")
    }
    assert commands == {"migrate": "release", "web": "web", "worker": "worker", "beat": "beat"}
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["deploy/portal"]' in dockerfile
    assert "deploy/portal build" in dockerfile
    # The web, worker and beat wait for the migrations to have run.
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_the_database_image_matches_the_backup_tools_in_the_portal_image():
    # pg_dump refuses a server newer than itself: the image's Debian client is PostgreSQL 15.
    assert _compose()["services"]["db"]["image"] == "postgres:15"
    assert "postgresql-client" in (ROOT / "Dockerfile").read_text()


@pytest.mark.skipif(not shutil.which("docker-compose"), reason="docker-compose is not installed")
def test_docker_compose_validates_the_deployment():
    result = subprocess.run(  # noqa: S603
        [shutil.which("docker-compose"), "config", "--quiet"],
        cwd=ROOT,
        env={**os.environ, "SECRET_KEY": "validation-only"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
