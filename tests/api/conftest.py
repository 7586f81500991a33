"""Fixtures for the API tests: a published Panel meeting."""

import pytest

from tests.imports.test_decisions import applied  # noqa: F401 (a fixture: three decisions)


@pytest.fixture
def meeting(db, django_capture_on_commit_callbacks):
    """A meeting whose pack is published with a public paper and an exempt one."""
    from tests.panel.helpers import published_meeting

    with django_capture_on_commit_callbacks(execute=True):
        return published_meeting()
