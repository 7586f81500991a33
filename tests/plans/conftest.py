import datetime

import pytest

from plans import services
from plans.models import Stage


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
    """Publish the plan as it is now, as a minor variation (every version after the first is
    a variation)."""

    def _publish(plan, by, note="Corrected a figure"):
        step = capture_publish(
            services.record_step, plan=plan, stage=Stage.VARIED, by=by, note=note,
            date=datetime.date(2022, 3, 1), minor_reason="It changes no objective.",
        )  # fmt: skip
        step.version.refresh_from_db()
        return step.version

    return _publish
