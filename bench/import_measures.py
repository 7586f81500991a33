"""Benchmark: import 50,000 rows of figures from CSV and from .xlsx: upload and check (the
preview), then apply (all or nothing).

Run by hand: `.venv/bin/python bench/import_measures.py [--rows 50000] [--no-xlsx]`. Prints
seconds, queries and rows per second for each step. Uses a fresh SQLite database unless
DATABASE_URL is set (see bench/_performance_setup.py).
"""

import argparse
import csv
import datetime
import io
import time

import _performance_setup as setup

DATABASE = setup.prepare_database()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from performance import services  # noqa: E402
from performance.models import DataPoint  # noqa: E402
from plans.models import Measure, Priority  # noqa: E402

MEASURES = 100


def rows_for(measures, count):
    """`count` rows: each measure's months from January 1990 on, so no period repeats."""
    per_measure = -(-count // len(measures))
    produced = 0
    for index in range(per_measure):
        year, month = 1990 + index // 12, index % 12 + 1
        for measure in measures:
            if produced == count:
                return
            value = 1000 + (index * 7 + measure.pk * 13) % 500
            yield [measure.pk, f"{year}-{month:02d}", value, value + 25, "", "Benchmark", ""]
            produced += 1


HEADER = ["measure", "period", "value", "comparison", "target", "source", "note"]


def csv_upload(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return SimpleUploadedFile("bench.csv", buffer.getvalue().encode())


def xlsx_upload(rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("bench.xlsx", buffer.getvalue())


def timed(label, count, action):
    with setup.QueryCounter() as queries:
        started = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - started
    print(
        f"  {label:<28} {seconds:7.2f} s  {queries.count:5d} queries  "
        f"{count / seconds:9,.0f} rows/s"
    )
    return result


def run(kind, plan, measures, count, user):
    DataPoint.objects.filter(measure__plan=plan).delete()
    rows = list(rows_for(measures, count))
    started = time.perf_counter()
    upload = csv_upload(rows) if kind == "csv" else xlsx_upload(rows)
    print(
        f"{kind.upper()}: {count:,} rows, {upload.size / 1e6:.1f} MB "
        f"(written in {time.perf_counter() - started:.1f} s)"
    )
    measure_import = timed(
        "upload and check (preview)",
        count,
        lambda: services.upload_import(plan=plan, upload=upload, by=user),
    )
    if measure_import.errors:
        raise SystemExit(f"Unexpected errors: {measure_import.errors[:3]}")
    timed(
        "apply, all new",
        count,
        lambda: services.apply_import(measure_import=measure_import, by=user),
    )
    if DataPoint.objects.filter(measure__plan=plan).count() != count:
        raise SystemExit("Not every row was applied.")
    again = services.upload_import(
        plan=plan, upload=csv_upload(rows) if kind == "csv" else xlsx_upload(rows), by=user
    )
    timed(
        "apply, all replacing", count, lambda: services.apply_import(measure_import=again, by=user)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--no-xlsx", action="store_true")
    args = parser.parse_args()
    user = setup.publisher()
    plan = setup.published_plan(
        f"bench-import-{datetime.datetime.now(datetime.UTC):%H%M%S}", user=user
    )
    priority = Priority.objects.create(plan=plan, number=1, title="Benchmark priority")
    measures = [
        Measure.objects.create(
            plan=plan,
            priority=priority,
            wording=f"Benchmark measure {n}",
            direction="reduce",
            unit="crimes",
            order=n,
        )
        for n in range(MEASURES)
    ]
    print(f"Database: {DATABASE}; {MEASURES} measures")
    run("csv", plan, measures, args.rows, user)
    if not args.no_xlsx:
        run("xlsx", plan, measures, args.rows, user)


if __name__ == "__main__":
    main()
