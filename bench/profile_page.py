"""Profile one public page at ten years of data, beside the bare sign-in page.

Run by hand against the decade that ``bench/public_pages.py`` loads (it must exist already):

    .venv/bin/python bench/profile_page.py /performance/ [--requests 50] [--redis-db 11] [--top 30]

It sets the same environment as ``public_pages.py`` (production settings on ``pcc_bench``, Redis
database ``--redis-db``, flushed first), warms the page with Django's test client as an anonymous
visitor, then profiles ``--requests`` more GETs and prints the time a request, the queries a
request and the top entries by cumulative time; then the same for ``/accounts/login/``, so what
the page spends beyond a bare page stands out.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.public_pages import BARE, environment  # noqa: E402


def profile(url, requests, top):
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    response = client.get(url)  # warm the cache
    queries = 0

    def counter(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    profiler = cProfile.Profile()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        profiler.enable()
        for _ in range(requests):
            response = client.get(url)
            body = b"".join(response) if response.streaming else response.content
        profiler.disable()
    elapsed = time.perf_counter() - started
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(
        f"{url}: status {response.status_code}, {elapsed / requests * 1000:.1f} ms a request "
        f"(profiled), {queries / requests:.1f} queries a request, {len(body) / 1024:.0f} KB"
    )
    print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--database", default="pcc_bench")
    parser.add_argument("--redis-db", type=int, default=11)
    args = parser.parse_args()

    os.environ.update(environment(args))
    import django

    django.setup()
    from django.core.cache import cache

    cache.clear()  # this run's own Redis database
    profile(args.url, args.requests, args.top)
    profile(BARE, args.requests, args.top)


if __name__ == "__main__":
    main()
