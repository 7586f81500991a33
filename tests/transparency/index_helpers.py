"""Helpers for the index tests: give an object of another app a public version, ready on a
given day, without rendering it."""

import datetime
import itertools

from tests.publications.factories import ready_version

_numbers = itertools.count(1)


def published(obj, *, by, on):
    """A ready version of ``obj`` (not rendered), ready at noon on ``on``."""
    return ready_version(
        obj,
        by=by,
        number=next(_numbers),
        document_type="test",
        change_note="First publication",
        ready_at=datetime.datetime.combine(on, datetime.time(12), tzinfo=datetime.UTC),
    )
