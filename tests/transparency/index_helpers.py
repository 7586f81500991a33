"""Helpers for the index tests: give an object of another app a public version, ready on a
given day, without rendering it."""

import datetime
import itertools

from django.contrib.contenttypes.models import ContentType

from pcc_portal.publications.models import Version

_numbers = itertools.count(1)


def published(obj, *, by, on):
    """A ready version of ``obj`` (not rendered), ready at noon on ``on``."""
    return Version.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        number=next(_numbers),
        status=Version.Status.READY,
        document_type="test",
        title=str(obj),
        html="<p>Published.</p>",
        document_html="<html></html>",
        change_note="First publication",
        published_by=by,
        pdf="publications/test.pdf",
        sha256="0" * 64,
        ready_at=datetime.datetime.combine(on, datetime.time(12), tzinfo=datetime.UTC),
    )
