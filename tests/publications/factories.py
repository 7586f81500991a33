"""Versions made directly, for tests about pages and lists rather than about publishing: a ready
version of any object without the render that publishing queues."""

from django.contrib.contenttypes.models import ContentType

from pcc_portal.publications.models import Version


def ready_version(obj, *, by, number=1, document_type="plan", change_note="Published", **fields):
    """A ready version of ``obj`` as a finished render leaves it; ``fields`` override the rest
    (its ``html``, ``title``, ``pdf``...)."""
    return Version.objects.create(
        **{
            "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
            "object_id": obj.pk,
            "number": number,
            "status": Version.Status.READY,
            "document_type": document_type,
            "title": str(obj),
            "html": "<p>Published.</p>",
            "document_html": "<html></html>",
            "change_note": change_note,
            "published_by": by,
            "pdf": "publications/test.pdf",
            "sha256": "0" * 64,
            **fields,
        }
    )
