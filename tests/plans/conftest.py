import pytest

from plans import services


@pytest.fixture
def capture_publish(django_capture_on_commit_callbacks):
    """Run a plans service that publishes, then its queued render, as a commit would."""

    def _run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = function(**kwargs)
        return result

    return _run


@pytest.fixture
def publish_plan(capture_publish):
    def _publish(plan, by, note="Corrected a figure"):
        version = capture_publish(services.publish_plan, plan=plan, by=by, note=note)
        version.refresh_from_db()
        return version

    return _publish
