"""Benchmark: render a 2-page and a 30-page document to tagged PDF in an already-started process.

Run by hand: `DEBUG=1 .venv/bin/python bench/render.py`. Prints seconds and peak memory for each,
and whether the result is tagged. Targets on a 2-core machine: 0.3 s and 2 s.
"""

import io
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcc_portal.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

import pikepdf  # noqa: E402
from django.template import Context, Template  # noqa: E402

from pcc_portal.publications import pdf  # noqa: E402
from pcc_portal.publications.markdown import render_markdown  # noqa: E402

PARAGRAPH = (
    "The Commissioner will hold the Chief Constable to account for tackling anti-social "
    "behaviour, working with community safety partnerships across the county, and for "
    "reducing the harm it causes to victims and neighbourhoods. "
) * 3


def document(sections):
    body = []
    for n in range(1, sections + 1):
        body.append(f"## Priority {n}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n")
        body.append("| Measure | 2020/21 | 2021/22 |\n|---|---|---|\n")
        body.extend(f"| Measure {n}.{m} | {m * 103} | {m * 97} |\n" for m in range(1, 7))
    template = Template(
        '{% extends "publications/document.html" %}'
        "{% block document %}<h1>Benchmark</h1>{{ body|safe }}{% endblock %}"
    )
    context = {
        "document_title": f"Benchmark, {sections} sections",
        "document_type": "document",
        "body": render_markdown("\n".join(body)),
    }
    return template.render(Context(context))


def measure(html, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = pdf.render_pdf(html)
        times.append(time.perf_counter() - started)
    # Memory is traced in a separate run: tracing slows Python down several times.
    tracemalloc.start()
    pdf.render_pdf(html)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    with pikepdf.open(io.BytesIO(result.content)) as rendered:
        tagged = bool(rendered.Root.get("/MarkInfo", {}).get("/Marked")) and (
            "/StructTreeRoot" in rendered.Root
        )
    return result.page_count, statistics.median(times), peak, tagged


def main():
    pdf.render_pdf(document(1))  # warm up: fonts, CSS parsing, imports
    for label, sections, target in (("short", 2, 0.3), ("long", 40, 2.0)):
        pages, seconds, peak, tagged = measure(document(sections), runs=5)
        verdict = "within" if seconds <= target else "OVER"
        print(  # noqa: T201
            f"{label:>5}: {pages:3d} pages  {seconds:6.3f} s (median of 5, target {target} s, "
            f"{verdict})  peak Python memory {peak / 1e6:6.1f} MB  tagged={tagged}"
        )


if __name__ == "__main__":
    main()
