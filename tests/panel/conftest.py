import pytest


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what a service queues on commit (Celery is eager in tests), as a commit would."""

    def _run(action, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(**kwargs)

    return _run
