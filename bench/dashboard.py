"""Benchmark: the public performance pages with 60 measures of 40 quarters each.

Run by hand: `.venv/bin/python bench/dashboard.py [--measures 60] [--quarters 40]`. Prints
seconds (best of three) and the query count for the dashboard, a measure's history and CSV, and
the quarterly report's frozen page and PDF document. Uses a fresh SQLite database unless
DATABASE_URL is set (see bench/_performance_setup.py).
"""

import argparse
import datetime
import time
from decimal import Decimal

import _performance_setup as setup

DATABASE = setup.prepare_database()

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from pcc_portal.publications.services import freeze  # noqa: E402
from performance.models import DataPoint, QuarterlyReport  # noqa: E402
from performance.periods import Period  # noqa: E402
from plans.models import Measure, Plan, Priority  # noqa: E402

PRIORITIES = 6


def build(measure_count, quarter_count):
    user = setup.publisher()
    stamp = datetime.datetime.now(datetime.UTC).strftime("%H%M%S%f")
    # A later term than any plan already there, so the dashboard shows this one.
    earlier = Plan.objects.filter(slug__startswith="bench-dashboard-").count()
    plan = setup.published_plan(
        f"bench-dashboard-{stamp}",
        user=user,
        term_start=datetime.date(2100, 1, 1) + datetime.timedelta(days=earlier),
    )
    priorities = [
        Priority.objects.create(plan=plan, number=n + 1, title=f"Benchmark priority {n + 1}")
        for n in range(PRIORITIES)
    ]
    measures = [
        Measure.objects.create(
            plan=plan, priority=priorities[n % PRIORITIES], wording=f"Benchmark measure {n + 1}",
            direction=("reduce", "increase", "improve", "monitor")[n % 4],
            unit="%" if n % 5 == 0 else "crimes", is_national=n % 10 == 0, order=n,
        )
        for n in range(measure_count)
    ]  # fmt: skip
    quarters, period = [], Period.quarter(2015, 1)
    for _ in range(quarter_count):
        quarters.append(period)
        period = Period.quarter_containing(period.end + datetime.timedelta(days=1))
    DataPoint.objects.bulk_create(
        [
            DataPoint(
                measure=measure, period_kind=q.kind, period_start=q.start,
                value=Decimal(1000 + (i * 37 + measure.pk * 11) % 300),
                comparison_value=Decimal(1000 + ((i - 4) * 37 + measure.pk * 11) % 300),
            )
            for measure in measures
            for i, q in enumerate(quarters)
        ],
        batch_size=2000,
    )  # fmt: skip
    last = quarters[-1]
    # One report per quarter: an earlier run's (never published) report makes way.
    QuarterlyReport.objects.filter(plan__slug__startswith="bench-dashboard-").delete()
    report = QuarterlyReport.objects.create(
        plan=plan, financial_year=last.financial_year, quarter=last.quarter_number,
        headlines="Benchmark.",
    )  # fmt: skip
    return plan, measures, report


def timed(label, action, runs=3):
    best, queries, size = None, 0, 0
    for _ in range(runs):
        with setup.QueryCounter() as captured:
            started = time.perf_counter()
            result = action()
            seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
        queries = captured.count
        size = len(result)
    print(f"  {label:<34} {best:7.3f} s  {queries:4d} queries  {size / 1024:8.0f} KB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=60)
    parser.add_argument("--quarters", type=int, default=40)
    args = parser.parse_args()
    plan, measures, report = build(args.measures, args.quarters)
    print(
        f"Database: {DATABASE}; {args.measures} measures x {args.quarters} quarters = "
        f"{args.measures * args.quarters:,} figures"
    )
    client = Client(HTTP_HOST="localhost")

    def get(url):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        return b"".join(response) if response.streaming else response.content

    timed("/performance/ (dashboard)", lambda: get(reverse("performance:dashboard")))
    measure = measures[1]
    timed(
        "/performance/measures/<id>/",
        lambda: get(reverse("performance:measure", args=[measure.pk])),
    )
    timed(
        "/performance/measures/<id>.csv",
        lambda: get(reverse("performance:measure_csv", args=[measure.pk])),
    )
    timed("quarterly report page (freeze)", lambda: freeze(obj=report)[0])
    timed("quarterly report PDF document", lambda: freeze(obj=report)[1])


if __name__ == "__main__":
    main()
