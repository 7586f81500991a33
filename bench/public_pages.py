"""Benchmark: the main public pages at ten years of data, under load, beside a bare page.

Run by hand (PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379 are needed):

    .venv/bin/python bench/public_pages.py [--scale 1.0] [--seconds 4] [--reload]

It creates the database ``pcc_bench`` if missing, migrates it and loads a decade into it
(``manage.py load_decade --scale``; ``--reload`` drops and loads it again), then starts gunicorn
(2 workers) with production settings (DEBUG off, PostgreSQL, Redis as the cache, Redis database
``--redis-db``, flushed first). For each main public page it measures, in the same run as the
bare sign-in page (a GOV.UK page with a form and no content queries):

- requests per second at its ceiling (``--concurrency`` clients, ``--seconds`` each)
  and its share of the bare page's (the bare page is measured before, between and after);
- p50 and p95 response times at a fixed 30 requests per second;
- queries per request (in this process, against the same database and cache, once warm);
- bytes of HTML before compression, and gzipped as served.

Then it prints whether each page meets the targets of issue #20: at least 0.5 of the bare
page's requests per second, p95 under 50 ms at 30 requests per second, at most 150 KB of HTML.
The load generator runs in this process on the same machine, so absolute figures understate
the server; the shares are what to compare.
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SHARE = 0.5
TARGET_P95_MS = 50
TARGET_BYTES = 150 * 1024
FIXED_RATE = 30
BARE = "/accounts/login/"


def environment(args):
    database = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pcc_portal.settings",
        "DATABASE_URL": database,
        "REDIS_URL": f"redis://127.0.0.1:6379/{args.redis_db}",
        "SECRET_KEY": "bench-only-secret-key-not-for-any-deployment",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "REQUIRE_MFA": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
        "PRIVATE_MEDIA_ROOT": str(ROOT / "var" / "bench-private-media"),
        "LOG_LEVEL": "WARNING",
    }


def prepare_database(args, env):
    import psycopg2

    admin = psycopg2.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        if args.reload:
            cursor.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.database])
        fresh = cursor.fetchone() is None
        if fresh:
            cursor.execute(f'CREATE DATABASE "{args.database}"')
    admin.close()
    if not fresh:
        bench = psycopg2.connect(f"postgresql://postgres@127.0.0.1:5432/{args.database}")
        with bench.cursor() as cursor:
            # The decade's plan is made after its decisions and meetings (an interrupted load
            # may still lack its spending: --reload starts again).
            cursor.execute(
                "SELECT to_regclass('plans_plan') IS NOT NULL AND EXISTS (SELECT 1 FROM "
                "plans_plan WHERE slug = 'police-and-crime-plan-2025-2029')"
            )
            if not cursor.fetchone()[0]:
                raise SystemExit(f"{args.database} has no decade loaded: run with --reload.")
        bench.close()
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    if fresh:
        print(f"Loading the decade into {args.database} (--scale {args.scale})...", flush=True)
        load = [*manage, "load_decade", "--scale", str(args.scale)]
        subprocess.run(load, env=env, check=True, cwd=ROOT)  # noqa: S603
    # A deployed database has statistics (autovacuum gathers them); a freshly loaded one has
    # none, and the planner then guesses one row a table and picks nested loops over thousands.
    bench = psycopg2.connect(f"postgresql://postgres@127.0.0.1:5432/{args.database}")
    bench.autocommit = True
    with bench.cursor() as cursor:
        cursor.execute("ANALYZE")
    bench.close()


def pages():
    """The public pages to drive, read from the database as the public sees it."""
    from django.urls import reverse

    from decisions.models import Decision
    from panel.models import AgendaPack
    from performance.models import QuarterlyReport
    from plans.models import Plan
    from plans.selectors import public_measure_ids
    from transparency.selectors import REGISTERS

    plan = Plan.objects.public().order_by("-term_start").first()
    decision = Decision.objects.public().filter(is_restricted=False).order_by("-pk").first()
    meeting = AgendaPack.objects.public().order_by("-meeting__date").first().meeting
    report = QuarterlyReport.objects.public().order_by("-financial_year", "-quarter").first()
    found = [
        ("home", "/"),
        ("plan", plan.get_absolute_url()),
        ("priority (golden thread)", f"{plan.get_absolute_url()}priorities/1/"),
        ("decisions", reverse("decisions:register")),
        ("decisions, one year", reverse("decisions:register") + "?year=2019"),
        ("decisions, text", reverse("decisions:register") + "?q=victims"),
        ("a decision", decision.get_absolute_url()),
        ("panel meetings", reverse("panel:meetings")),
        ("a meeting", meeting.get_absolute_url()),
        ("performance", reverse("performance:dashboard")),
        ("a measure", reverse("performance:measure", args=[max(public_measure_ids())])),
    ]
    if report is not None:
        found.append(("a quarterly report", report.get_absolute_url()))
    found.append(("transparency", reverse("transparency:index")))
    for slug in REGISTERS:
        found.append((f"register: {slug}", reverse("transparency:register", args=[slug])))
    found += [
        ("search", "/search/?q=victims"),
        ("decisions feed", "/decisions/feed/"),
        ("meetings calendar", "/panel/meetings.ics"),
        ("sitemap", "/sitemap.xml"),
    ]
    return found


def queries_and_bytes(url):
    """Queries per request (warm) and the body's size, through Django in this process."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(url)  # warm the cache
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        response = client.get(url)
    body = b"".join(response) if response.streaming else response.content
    return response.status_code, count, len(body)


class Server:
    def __init__(self, env, port):
        self.port = port
        self.process = subprocess.Popen(  # noqa: S603 (our own gunicorn)
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "pcc_portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped: is port {port} taken?")
            try:
                status, _body, _seconds = self.get("/healthz")
                if status in (200, 503):
                    return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not start")

    def get(self, url, gzip_ok=False):
        """One request on its own connection, as ``ab`` makes them (gunicorn's sync workers
        would hold an idle keep-alive connection while other clients wait)."""
        started = time.perf_counter()
        headers = {"Host": "127.0.0.1", "Connection": "close"}
        if gzip_ok:
            headers["Accept-Encoding"] = "gzip"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", url, headers=headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        return response.status, body, time.perf_counter() - started

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def ceiling(server, url, seconds, concurrency):
    """Requests per second with ``concurrency`` clients for ``seconds``."""
    done = [0] * concurrency
    errors = []
    stop_at = time.perf_counter() + seconds

    def client(index):
        while time.perf_counter() < stop_at:
            status, _body, _seconds = server.get(url)
            if status != 200:
                errors.append(status)
            done[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started), errors


def fixed_rate(server, url, seconds, rate=FIXED_RATE):
    """p50 and p95 (ms) of requests sent at ``rate`` per second for ``seconds``."""
    times = []
    lock = threading.Lock()
    count = int(seconds * rate)
    start = time.perf_counter() + 0.05

    def one(n):
        delay = start + n / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        _status, _body, took = server.get(url)
        with lock:
            times.append(took * 1000)

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(one, range(count)))
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seconds", type=float, default=4.0, help="per page and per mode")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--database", default="pcc_bench")
    parser.add_argument("--redis-db", type=int, default=13)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--reload", action="store_true", help="drop and load the decade again")
    parser.add_argument("--only", default="", help="drive only pages whose label has this")
    args = parser.parse_args()

    env = environment(args)
    started = time.perf_counter()
    prepare_database(args, env)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.cache import cache

    cache.clear()  # this bench's own Redis database
    targets = [(label, url) for label, url in pages() if args.only in label]
    measured = {url: queries_and_bytes(url) for _label, url in [("bare", BARE), *targets]}

    server = Server(env, args.port)
    try:
        gzipped = {}
        for url in [BARE, *(url for _l, url in targets)]:
            server.get(url)
            _status, body, _s = server.get(url, gzip_ok=True)
            gzipped[url] = len(body)
        bare_runs = [ceiling(server, BARE, args.seconds, args.concurrency)[0]]
        rows = []
        for index, (label, url) in enumerate(targets):
            if index == len(targets) // 2:
                bare_runs.append(ceiling(server, BARE, args.seconds, args.concurrency)[0])
            rps, errors = ceiling(server, url, args.seconds, args.concurrency)
            p50, p95 = fixed_rate(server, url, args.seconds)
            rows.append((label, url, rps, p50, p95, errors))
        bare_runs.append(ceiling(server, BARE, args.seconds, args.concurrency)[0])
        bare_p50, bare_p95 = fixed_rate(server, BARE, args.seconds)
    finally:
        server.stop()

    bare = statistics.mean(bare_runs)
    print()
    print(
        f"{args.database} at --scale {args.scale}; gunicorn 2 workers, production settings, "
        f"PostgreSQL, Redis; ceiling with {args.concurrency} clients, {args.seconds:g} s a page"
    )
    print(
        f"bare page {BARE}: {bare:.0f} requests/s (runs: "
        f"{', '.join(f'{r:.0f}' for r in bare_runs)}), p50 {bare_p50:.1f} ms, "
        f"p95 {bare_p95:.1f} ms at {FIXED_RATE}/s, {measured[BARE][1]} queries"
    )
    header = (
        f"{'page':<28} {'req/s':>6} {'share':>5} {'p50':>6} {'p95':>6} {'queries':>7} "
        f"{'KB':>6} {'gz KB':>6}  targets"
    )
    print(header)
    print("-" * len(header))
    met_all = True
    for label, url, rps, p50, p95, errors in rows:
        status, queries, size = measured[url]
        share = rps / bare
        misses = []
        if status != 200 or errors:
            misses.append(f"status {status or errors[0]}")
        if share < TARGET_SHARE:
            misses.append("share")
        if p95 >= TARGET_P95_MS:
            misses.append("p95")
        if size > TARGET_BYTES:
            misses.append("size")
        met_all &= not misses
        print(
            f"{label[:28]:<28} {rps:6.0f} {share:5.2f} {p50:6.1f} {p95:6.1f} {queries:7d} "
            f"{size / 1024:6.0f} {gzipped[url] / 1024:6.0f}  "
            f"{'met' if not misses else 'NOT met: ' + ', '.join(misses)}"
        )
    print()
    print(
        f"Targets: share >= {TARGET_SHARE} of the bare page, p95 < {TARGET_P95_MS} ms at "
        f"{FIXED_RATE}/s, HTML <= {TARGET_BYTES // 1024} KB: "
        f"{'all met' if met_all else 'not all met'}. Took {time.perf_counter() - started:.0f} s."
    )


if __name__ == "__main__":
    main()
