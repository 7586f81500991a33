"""Benchmark: build an agenda pack of about 200 pages from 20 papers on two Celery worker
processes, then rebuild it after one paper changes.

Run by hand. It needs Redis (REDIS_URL, default redis://127.0.0.1:6379/15) and an empty
PostgreSQL database (DATABASE_URL), as the deployment with workers has:

    createdb -h 127.0.0.1 -U postgres pcc_panel_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pcc_panel_bench .venv/bin/python bench/pack.py

It migrates that database, starts `celery worker --concurrency=2`, warms the two
workers up with a one-paper pack, then times, from the commit that publishes the pack to the
pack being ready: a fresh build (every paper rendered in parallel, longest first, then the
agenda and the merge) and a rebuild after one paper changes (one paper rendered, the rest from
the cache). It prints seconds, the workers' peak memory (VmHWM) and whether both the members'
and the public pack are tagged. Targets on a 2-core machine: fresh within 8 s, rebuild within
2 s, both tagged.
"""

import argparse
import contextlib
import datetime
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

SCRATCH = Path(tempfile.mkdtemp(prefix="pcc-pack-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcc_portal.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pcc_panel_bench")
os.environ["MEDIA_ROOT"] = str(SCRATCH / "media")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from panel.demo import lancashire_panel  # noqa: E402
from panel.models import (  # noqa: E402
    AgendaItem,
    Meeting,
    PackBuild,
    Report,  # noqa: E402
)
from panel.services import meetings as meeting_services  # noqa: E402
from panel.services import packs  # noqa: E402
from pcc_portal.celery import app  # noqa: E402

SENTENCE = (
    "The Panel reviewed how the Commissioner holds the Chief Constable to account for "
    "neighbourhood policing, response times and the support given to victims of crime. "
)


def body(pages, seed):
    """Markdown that renders to about ``pages`` A4 pages: sections of text and a table."""
    parts = []
    for section in range(max(1, round(pages * 0.8))):
        parts.append(f"## Section {section + 1} of paper {seed}\n")
        parts.extend(SENTENCE * 6 + "\n" for _ in range(3))
        parts.append("| Measure | 2020/21 | 2021/22 | Change |\n|---|---|---|---|")
        parts.extend(
            f"| Measure {section}.{row} | {row * 97 + seed} | {row * 101 + seed} | "
            f"{row * 4 + seed % 7} |"
            for row in range(1, 8)
        )
        parts.append("")
    return "\n".join(parts)


def make_meeting(date, papers, user):
    meeting = meeting_services.create_meeting(
        meeting=Meeting(panel=lancashire_panel(), date=date, venue="Blackburn Town Hall")
    )
    for number, pages in enumerate(papers, start=1):
        item = meeting_services.add_item(
            meeting=meeting, item=AgendaItem(title=f"Report {number}", kind="report")
        )
        meeting_services.add_report_paper(
            item=item,
            report=Report(
                title=f"Report {number} to the Panel",
                contact="Ian Dickinson, Office of the Police and Crime Commissioner",
                executive_summary="A report to the Panel.",
                recommendation="The Panel is asked to note the report.",
                body=body(pages, number),
            ),
        )
    return meeting


def publish_and_wait(meeting, user, note, timeout=300):
    with transaction.atomic():
        version = packs.publish_pack(meeting=meeting, by=user, note=note)
    started = time.perf_counter()  # the build is queued when the transaction commits
    while True:
        build = PackBuild.objects.get(version=version)
        if build.is_finished:
            return build, time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"The pack was not built within {timeout} s ({build.status}).")
        time.sleep(0.02)


class Worker:
    def __init__(self, concurrency):
        self.log = SCRATCH / "worker.log"
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "pcc_portal",
            "worker",
            f"--concurrency={concurrency}",
            "--pool=prefork",
            "--loglevel=WARNING",
            "-n",
            f"pack-bench-{os.getpid()}@localhost",
            "--without-gossip",
            "--without-mingle",
        ]
        self.process = subprocess.Popen(  # noqa: S603
            command,
            cwd=BASE_DIR,
            env=os.environ.copy(),
            start_new_session=True,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[f"pack-bench-{os.getpid()}@localhost"], timeout=1):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"The worker did not start; see {self.log}")

    def children(self):
        found = []
        for status in Path("/proc").glob("[0-9]*/status"):
            with contextlib.suppress(OSError):
                fields = dict(
                    line.split(":\t", 1)
                    for line in status.read_text().splitlines()
                    if ":\t" in line
                )
                if int(fields.get("PPid", 0)) == self.process.pid:
                    found.append(status.parent)
        return found

    def peak_memory_mb(self):
        peaks = []
        for proc in self.children():
            with contextlib.suppress(OSError):
                for line in (proc / "status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
        return max(peaks, default=0.0)

    def stop(self):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=20)
    parser.add_argument("--pages", type=int, default=10, help="about this many pages a paper")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="bench-secretary")
    # Papers of different lengths, so longest-first ordering matters.
    lengths = [max(2, options.pages + (i % 5) * 2 - 4) for i in range(options.papers)]
    warm = make_meeting(datetime.date(2021, 11, 1), [2], user)
    meeting = make_meeting(datetime.date(2021, 12, 6), lengths, user)
    worker = Worker(options.workers)
    try:
        publish_and_wait(warm, user, "Warm-up")
        fresh, fresh_seconds = publish_and_wait(meeting, user, "Agenda published")
        changed = options.papers // 2
        report = meeting.items.get(title=f"Report {changed}").papers.get().report
        report.recommendation = "The Panel is asked to note the report and comment on it."
        meeting_services.update_report(report=report)
        again, again_seconds = publish_and_wait(meeting, user, f"Corrected report {changed}")
        peak = worker.peak_memory_mb()
    finally:
        worker.stop()
    for label, build, seconds in (
        ("fresh", fresh, fresh_seconds),
        ("rebuild", again, again_seconds),
    ):
        if build.status != PackBuild.Status.READY:
            print(f"{label}: FAILED: {build.error}")
            continue
        print(
            f"{label:8} {seconds:6.2f} s  {build.members_page_count} pages "
            f"({build.version.page_count} public) from {options.papers} papers, "
            f"{build.papers_rendered} rendered, assembly {build.assembly_seconds:.2f} s, "
            f"tagged: {'yes' if build.tagged else 'no'}"
        )
    print(f"peak memory of a worker process: {peak:.0f} MB ({options.workers} workers)")
    print(f"scratch files in {SCRATCH}")


if __name__ == "__main__":
    main()
