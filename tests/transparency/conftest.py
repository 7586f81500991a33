"""Fixtures for transparency: search indexing on for these tests."""

import pytest


@pytest.fixture(autouse=True)
def _search_listens(settings):
    # What the settings will say once the search index is wired in: tell search about every
    # version that goes public and every withdrawal.
    if "transparency.search" not in settings.PUBLICATION_LISTENERS:
        settings.PUBLICATION_LISTENERS = [*settings.PUBLICATION_LISTENERS, "transparency.search"]
