import pytest

from pcc_portal.publications import services
from tests.pages.factories import ContentPageFactory


@pytest.fixture
def page(db):
    return ContentPageFactory(title="About the Commissioner", slug="about")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish and run the queued render (Celery is eager in tests) as a commit would."""

    def _publish(obj, by, note="First publication"):
        with django_capture_on_commit_callbacks(execute=True):
            version = services.publish(obj=obj, by=by, note=note)
        version.refresh_from_db()
        return version

    return _publish
