"""Fixtures for plans: publishing a plan, and a client signed in as an editor."""

import datetime

import pytest

from plans import services
from plans.models import Stage


@pytest.fixture
def publish_plan(run_on_commit):
    """Publish the plan as it is now, as a minor variation (every version after the first is
    a variation)."""

    def _publish(plan, by, note="Corrected a figure"):
        step = run_on_commit(
            services.record_step, plan=plan, stage=Stage.VARIED, by=by, note=note,
            date=datetime.date(2022, 3, 1), minor_reason="It changes no objective.",
        )  # fmt: skip
        step.version.refresh_from_db()
        return step.version

    return _publish


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client
