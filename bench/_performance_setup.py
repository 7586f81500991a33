"""Shared set-up for the performance benchmarks: Django on a throwaway database.

Without DATABASE_URL the benchmarks make a fresh SQLite file in a temporary folder and migrate
it; with DATABASE_URL (PostgreSQL) they migrate and use that database, adding benchmark objects
with "bench-" slugs beside whatever is there.
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcc_portal.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("LOG_LEVEL", "WARNING")
WORKDIR = tempfile.mkdtemp(prefix="pcc-bench-")
os.environ.setdefault("MEDIA_ROOT", str(Path(WORKDIR) / "media"))
FRESH = "DATABASE_URL" not in os.environ
if FRESH:
    os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"

import django  # noqa: E402

django.setup()


def prepare_database():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    return (
        f"{connection.vendor} ({'fresh' if FRESH else os.environ['DATABASE_URL'].split('@')[-1]})"
    )


def publisher():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="bench-publisher")
    return user


def published_plan(slug, *, user, term_start=None):
    """A plan with a ready version, without rendering the plans app's own templates. The
    dashboard shows the published plan with the latest term start."""
    import datetime

    term_start = term_start or datetime.date(2021, 5, 13)

    from django.contrib.contenttypes.models import ContentType

    from pcc_portal.publications.models import Version
    from plans.models import Plan

    plan = Plan.objects.create(
        title=f"Benchmark plan {slug}",
        slug=slug,
        commissioner="Benchmark",
        term_start=term_start,
        term_end=term_start + datetime.timedelta(days=4 * 365),
    )
    Version.objects.create(
        content_type=ContentType.objects.get_for_model(plan, for_concrete_model=False),
        object_id=plan.pk,
        number=1,
        status=Version.Status.READY,
        document_type="plan",
        title=plan.title,
        html="<p>Benchmark.</p>",
        document_html="<html></html>",
        change_note="Benchmark",
        published_by=user,
        pdf="publications/bench.pdf",
        sha256="0" * 64,
    )
    return plan


class QueryCounter:
    """Counts the queries run inside it (Django's own query log stops at 9,000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        from django.db import connection

        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        return self._wrapper.__exit__(*exc)
