"""Fixtures for transparency: search indexing on for these tests, and a month of spending
uploaded as a draft for the spending review tests."""

import pytest

from tests.transparency.spending_review_helpers import (
    FLAGGED_ORGANISATION,
    MISSED,
    OCTOBER,
    ORGANISATION,
    UNFLAGGED_PERSON,
    _file,
)
from transparency import services


@pytest.fixture(autouse=True)
def _search_listens(settings):
    # What the settings will say once the search index is wired in: tell search about every
    # version that goes public and every withdrawal.
    if "transparency.search" not in settings.PUBLICATION_LISTENERS:
        settings.PUBLICATION_LISTENERS = [*settings.PUBLICATION_LISTENERS, "transparency.search"]


@pytest.fixture
def draft(editor):
    content = _file(*MISSED.values(), ORGANISATION, UNFLAGGED_PERSON, FLAGGED_ORGANISATION)
    return services.upload_spending(
        month=OCTOBER, content=content, filename="october.csv", by=editor
    )
