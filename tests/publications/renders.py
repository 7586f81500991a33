"""A version whose PDF is still to be made, and its render job, written directly: for tests of how
staff pages show a render in progress or one that failed."""

from pcc_portal.publications.models import RenderJob, Version


def rendering_version(obj, *, by, document_type="page", status=Version.Status.RENDERING):
    """``obj``'s first version, its PDF not made yet."""
    return Version.objects.create(
        content_object=obj,
        number=1,
        document_type=document_type,
        title=str(obj),
        html="",
        document_html="",
        change_note="First",
        published_by=by,
        status=status,
    )


def render_job(
    obj,
    *,
    by,
    status=RenderJob.Status.RUNNING,
    version_status=Version.Status.RENDERING,
    document_type="page",
    **job_fields,
):
    """The job rendering ``obj``'s first version, in ``status``; ``job_fields`` set the rest of
    the job (``attempts``, ``error``, ``finished_at``...)."""
    version = rendering_version(obj, by=by, document_type=document_type, status=version_status)
    return RenderJob.objects.create(
        version=version,
        renderer_version="test",
        idempotency_key="test-render",
        status=status,
        **job_fields,
    )
