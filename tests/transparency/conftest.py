import pytest

from pcc_portal.publications import services


@pytest.fixture(autouse=True)
def _search_listens(settings):
    # What the settings will say once the search index is wired in: tell search about every
    # version that goes public and every withdrawal.
    if "transparency.search" not in settings.PUBLICATION_LISTENERS:
        settings.PUBLICATION_LISTENERS = [*settings.PUBLICATION_LISTENERS, "transparency.search"]


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish and run the queued render (Celery is eager in tests) as a commit would."""

    def _publish(obj, by, note="First publication"):
        with django_capture_on_commit_callbacks(execute=True):
            version = services.publish(obj=obj, by=by, note=note)
        version.refresh_from_db()
        return version

    return _publish
