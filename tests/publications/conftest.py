"""Fixtures for publishing: a content page to publish."""

import pytest

from tests.pages.factories import ContentPageFactory


@pytest.fixture
def page(db):
    return ContentPageFactory(title="About the Commissioner", slug="about")
