"""A realistic decade of an OPCC's published record, loaded by ``manage.py load_decade`` for
benchmarks.

On top of the Lancashire demo (accounts, the 2016-2021 and 2021-2025 plans, the December 2021
meeting and its pack), at ``--scale 1``: about 3,000 signed decisions with their notices, 80 Panel
meetings with agenda packs of 1,500 papers, a third plan (2025-2029) with 60 measures and 40
quarters of released figures for each, 120 months of spending over £500, and all of it in site
search. Deterministic for a given ``--seed``; it prints the time each part took.

PDFs: rendering thousands of notices and papers would take hours, so one small tagged PDF is
rendered once and every version in the decade reuses its bytes (the real render pipeline, packs'
assembly and page stamping included, runs on that template). Decisions, versions, figures and
payments are written with ``bulk_create``; packs, spending releases and the new plan go through
the publishing services, so what the public sees follows the same release rules as in use.
"""

import hashlib
import importlib
import random
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from pcc_portal.demo import decade_records
from pcc_portal.demo.accounts import create_demo_accounts
from pcc_portal.demo.modules import demo_modules
from pcc_portal.publications import pdf
from pcc_portal.publications.models import Version

# The decade builds on load_demo's apps but casework, which is not part of the benchmarked
# decade. It needs the plans, decisions and panel demos; the others add pages, a quarterly
# report and registers, and one that fails is reported and skipped.
REQUIRED_DEMOS = {"plans.demo", "decisions.demo", "panel.demo"}

FULL = {
    "decisions": 3000,
    "meetings": 80,
    "papers": 1500,
    "measures": 60,
    "quarters": 40,
    "months": 120,
    "payments": 40,
}

TEMPLATE_HTML = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Published document</title></head><body><h1>Published document</h1>
<p>This notice is one small tagged PDF shared by every version that the decade benchmark
loads; the page itself carries the document's text.</p></body></html>"""


def _scaled(count, scale, *, least=1):
    return max(least, round(count * scale))


@contextmanager
def pre_rendered_pdfs():
    """Every PDF render during the load returns one small tagged PDF rendered here once (the
    packs' assembly keeps the real renderer for its page-number font: imported first)."""
    importlib.import_module("panel.assembly")
    template = pdf.render_pdf(TEMPLATE_HTML)
    original = pdf.render_pdf
    pdf.render_pdf = lambda _html: template
    try:
        yield template
    finally:
        pdf.render_pdf = original


@contextmanager
def eager_tasks():
    """Run the render and pack tasks in this process, whatever the settings say."""
    from pcc_portal.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = eager


class Decade:
    """What the parts of one load share: its sizes, its random numbers, the accounts that
    publish and the one PDF every version reuses."""

    def __init__(self, *, scale, seed, warn):
        self.rng = random.Random(seed)  # noqa: S311 (benchmark data, not security)
        self.scale = scale
        self.counts = {name: _scaled(n, scale) for name, n in FULL.items()}
        self.warn = warn  # told of a demo app that failed and was skipped
        self.template = None  # the one rendered PDF, while pre_rendered_pdfs() is in force

    def steps(self):
        """(label, action) of each part in loading order; each action returns its summary."""
        return [
            ("demo data", self.demo),
            ("shared PDF", self.shared_pdf),
            ("decisions", lambda: decade_records.decisions(self)),
            ("panel meetings and packs", lambda: decade_records.meetings(self)),
            ("plan 2025-2029 and figures", lambda: decade_records.plan_and_figures(self)),
            ("spending", lambda: decade_records.spending(self)),
        ]

    def demo(self):
        with transaction.atomic():
            create_demo_accounts()
        user = get_user_model()
        self.publisher = user.objects.get(username="commissioner")
        self.secretary = user.objects.filter(username="secretary").first() or self.publisher
        done = []
        for name, module in demo_modules(leave_out={"casework.demo"}):
            try:
                with transaction.atomic():
                    module.load(publisher=self.publisher)
            except Exception as error:
                if name in REQUIRED_DEMOS:
                    raise
                self.warn(f"Skipped the {name} data, which failed: {error!r}")
                continue
            done.append(name.split(".")[-2])
        return ", ".join(done)

    def shared_pdf(self):
        content = self.template.content
        self.pdf_sha = hashlib.sha256(content).hexdigest()
        name = f"publications/decade-{self.pdf_sha[:12]}.pdf"
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(content))
        self.pdf_name = name
        return f"{len(content):,} bytes, {self.template.page_count} page"

    def version(self, obj, *, content_type, number=1, html, text, at, title):
        return Version(
            content_type=content_type,
            object_id=obj.pk,
            number=number,
            status=Version.Status.READY,
            kind=Version.Kind.DOCUMENT,
            document_type=obj.document_type,
            title=title,
            html=html,
            document_html="",
            text=text,
            change_note="Published",
            published_by=self.publisher,
            published_at=at,
            ready_at=at,
            pdf=self.pdf_name,
            page_count=self.template.page_count,
            sha256=self.pdf_sha,
        )
