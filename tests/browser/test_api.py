"""The public API's documentation page in a real browser, checked with axe at a phone's and a
desktop's width."""

import pytest

from tests.browser.conftest import visit_at_widths

pytestmark = pytest.mark.browser


def test_the_api_documentation_page(page, live_server):
    visit_at_widths(page, "/api/v1/")
    assert page.locator("h1").inner_text() == "Public data API"
    assert "GET /api/v1/decisions/" in page.locator("main").inner_text()
    link = page.locator("main").get_by_role("link", name="OpenAPI 3 schema (JSON)")
    assert link.get_attribute("href") == "/api/v1/openapi.json"
