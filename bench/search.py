"""Benchmark: site search over 10,000 published documents on PostgreSQL.

Run by hand with a PostgreSQL server (the database is created and migrated if missing; the
default DATABASE_URL is postgres://postgres@127.0.0.1:5432/pcc_search_bench):

    .venv/bin/python bench/search.py

It fills the search index with 10,000 documents built from the Lancashire seed papers (titles
and paragraphs mixed deterministically, a few kilobytes each, like decision notices and meeting
papers), then requests /search/ for a mix of words, phrases and filters and prints the 50th and
95th percentile times and the number of database queries per search. Target: 95th percentile
under 100 ms.
"""

import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcc_portal.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pcc_search_bench")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("STATIC_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")

DOCUMENTS = 10_000
SEEDS = Path(os.environ.get("SEEDS", "/work/shared/seeds"))
QUERIES = [
    "domestic abuse",
    '"anti-social behaviour"',
    "precept",
    "burglary robbery",
    "police and crime plan",
    "victims",
    "road safety dangerous drivers",
    "organised crime",
    "community safety partnership",
    "budget",
    '"chief constable"',
    "custody",
    "neighbourhood policing",
    "scrutiny",
    "cybercrime",
    "hate crime",
    "youth",
    "knife",
    "reoffending",
    "estates",
]


def _create_database(url):
    import psycopg2

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def _corpus():
    paragraphs, titles = [], []
    for path in sorted(SEEDS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        titles += [t.strip("# ").strip() for t in re.findall(r"^#{1,3} .+$", text, re.M)]
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 80]
    if not paragraphs:  # no seed papers: a stand-in vocabulary
        paragraphs = [
            f"{q.strip(chr(34))} in Lancashire, paragraph {n}." * 8 for n, q in enumerate(QUERIES)
        ]
        titles = [q.strip('"').capitalize() for q in QUERIES]
    return titles or ["Report"], paragraphs


def fill(count):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from transparency.models import SearchEntry

    existing = SearchEntry.objects.count()
    if existing >= count:
        return existing
    titles, paragraphs = _corpus()
    rng = random.Random(2021)  # noqa: S311 (benchmark data, not security)
    content_type = ContentType.objects.get_for_model(SearchEntry)
    kinds = ["decision", "panel-report", "panel-minutes", "performance", "plan", "page"]
    now = timezone.now()
    batch = []
    for n in range(existing, count):
        body = "\n\n".join(rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 12))))
        year = 2012 + n % 15
        batch.append(
            SearchEntry(
                content_type=content_type,
                object_id=n + 1,
                kind=kinds[n % len(kinds)],
                title=f"{rng.choice(titles)[:200]} ({n + 1})",
                body=body,
                url=f"/bench/{n + 1}/",
                year=year,
                published_at=now,
            )
        )
        if len(batch) == 1000:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE transparency_searchentry")
    return SearchEntry.objects.count()


def run():
    import django

    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        sys.exit("This benchmark is for PostgreSQL: set DATABASE_URL=postgres://...")
    _create_database(url)
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    call_command("migrate", verbosity=0, interactive=False)
    setup_test_environment()
    documents = fill(DOCUMENTS)
    client = Client()
    requests = []
    for query in QUERIES:
        requests += [{"q": query}, {"q": query, "type": "decision"}, {"q": query, "year": "2020"}]
    for params in requests[:5]:  # warm the caches and the connection
        client.get("/search/", params)
    times, query_counts, results = [], [], []
    for _round in range(3):
        for params in requests:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get("/search/", params)
                times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                sys.exit(f"/search/ answered {response.status_code} for {params}")
            query_counts.append(len(queries))
            results.append(response.context["results"].page.paginator.count)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"documents indexed:        {documents}")  # noqa: T201
    print(f"searches timed:           {len(times)} (whole request: query, facets, page)")  # noqa: T201
    print(f"median search time:       {statistics.median(times):.1f} ms")  # noqa: T201
    print(f"95th percentile:          {p95:.1f} ms (target: under 100 ms)")  # noqa: T201
    print(f"queries per search:       {min(query_counts)}-{max(query_counts)}")  # noqa: T201
    print(f"results per search:       median {statistics.median(results):.0f}")  # noqa: T201
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average (1/5/15 min): {load} on {os.cpu_count()} cores")  # noqa: T201
    return 0 if p95 < 100 else 1


if __name__ == "__main__":
    sys.exit(run())
