"""Settings come from the environment, and production refuses to start unsafely."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "DEBUG", "SECURE_SSL_REDIRECT", "REQUIRE_MFA")
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603 (our own manage.py with fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_a_secret_key_refuses_to_start_with_a_clear_message():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_runs_with_the_development_key():
    result = _manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-key-" + "x7Qp9Lm2" * 6,
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_factor_sign_in_is_required_by_default_in_production_only():
    script = "from django.conf import settings; print(settings.REQUIRE_MFA)"
    production = _manage("shell", "-c", script, SECRET_KEY="k" * 60)
    demo = _manage("shell", "-c", script, DEBUG="1")
    assert production.stdout.strip().endswith("True")
    assert demo.stdout.strip().endswith("False")


def test_a_server_keeps_its_postgresql_connection_between_requests_and_checks_it():
    script = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    postgresql = _manage(
        "shell", "-c", script, DEBUG="1", DATABASE_URL="postgres://portal@db.example:5432/portal"
    )
    sqlite = _manage("shell", "-c", script, DEBUG="1", DATABASE_URL="sqlite:///:memory:")
    assert postgresql.stdout.strip().splitlines()[-1] == "60 True"
    assert sqlite.stdout.strip().splitlines()[-1] == "0 True"
