"""Fill the database with a realistic decade of an OPCC's published record, for benchmarks: the
data is built by ``pcc_portal.demo.decade``; this command times and reports each part."""

import time

from django.core.management.base import BaseCommand, CommandError

from pcc_portal.demo.decade import Decade, eager_tasks, pre_rendered_pdfs


class Command(BaseCommand):
    help = (
        "Load the demo data, then a realistic decade on top (--scale 1: about 3,000 decisions, "
        "80 Panel meetings with 1,500 papers, a third plan with 60 measures x 40 quarters of "
        "released figures, 120 months of spending), search indexed. Deterministic for a given "
        "--seed; prints the time taken. Every version shares one small tagged PDF rendered "
        "once (rendering thousands of notices would take hours); pages, packs, search and "
        "release rules are real. Meant for an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 is ten years.")
        parser.add_argument("--seed", type=int, default=2016)

    def handle(self, *args, scale, seed, **options):
        if scale <= 0 or scale > 10:
            raise CommandError("--scale must be above 0 and at most 10.")
        decade = Decade(scale=scale, seed=seed, warn=self.stderr.write)
        started = time.perf_counter()
        with pre_rendered_pdfs() as template, eager_tasks():
            decade.template = template
            for label, action in decade.steps():
                self._step(label, action)
        self.stdout.write(
            self.style.SUCCESS(f"Decade loaded in {time.perf_counter() - started:.1f} s.")
        )

    def _step(self, label, action):
        began = time.perf_counter()
        summary = action()
        self.stdout.write(f"{label}: {summary} ({time.perf_counter() - began:.1f} s)")
