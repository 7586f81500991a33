"""A PDF render's state in plain words: how often it was tried, not "attempt 2 of 4"."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string


@pytest.mark.parametrize(
    ("status", "attempts", "words"),
    [
        ("failed", 2, "(tried two times so far, and up to four times in all)"),
        ("dead", 4, "(tried four times)"),
    ],
)
def test_a_render_job_says_how_often_it_was_tried_in_plain_words(status, attempts, words):
    job = SimpleNamespace(
        pk=1,
        status=status,
        attempts=attempts,
        max_attempts=4,
        error="the renderer fell over",
        is_finished=status == "dead",
        version=SimpleNamespace(number=2, page_count=None),
        get_status_display=lambda: status.title(),
    )
    html = render_to_string("publications/_render_job.html", {"job": job, "next": "/"})
    assert words in " ".join(html.split())
    assert "attempt" not in html


def test_a_first_render_says_nothing_about_tries():
    job = SimpleNamespace(
        pk=1,
        status="running",
        attempts=1,
        max_attempts=4,
        error="",
        is_finished=False,
        version=SimpleNamespace(number=1, page_count=None),
        get_status_display=lambda: "Running",
    )
    html = render_to_string("publications/_render_job.html", {"job": job})
    assert "tried" not in html and "attempt" not in html
