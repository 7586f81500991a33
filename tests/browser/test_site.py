"""The site's own pages in a real browser: each is reachable, accessible (axe, WCAG 2.2 A/AA) and
runs without a CSP violation or a JavaScript error."""

import pytest

from tests.accounts.factories import PASSWORD
from tests.browser.conftest import check_accessibility, sign_in, visit, visit_at_widths

pytestmark = pytest.mark.browser


def test_home_page(page):
    visit_at_widths(page, "/")
    assert page.get_by_role("heading", level=1).is_visible()


def test_accessibility_statement(page):
    visit_at_widths(page, "/accessibility/")
    assert "Accessibility" in page.title()


def test_page_not_found(page):
    visit(page, "/no-such-page/", status=404)
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"


def test_sign_in_page(page):
    visit(page, "/accounts/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
    assert page.locator("input[name=login]").is_visible()
    assert page.locator("input[name=password]").is_visible()


def test_sign_in_with_a_wrong_password_shows_the_error_and_keeps_the_username(page, editor):
    visit(page, "/accounts/login/")
    page.locator("input[name=login]").fill("editor")
    page.locator("input[name=password]").fill("not-the-password")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "There is a problem" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert page.locator("input[name=login]").input_value() == "editor"
    assert page.locator("input[name=password]").input_value() == ""
    check_accessibility(page)


def test_editor_signs_in_and_reaches_the_staff_area(page, live_server, editor):
    sign_in(page, live_server, editor)
    assert page.url == f"{live_server.url}/manage/"
    check_accessibility(page)
    visit(page, "/manage/")
    assert page.get_by_role("heading", level=1).inner_text() == "Staff area"


@pytest.mark.parametrize(
    "path",
    ["/accounts/2fa/", "/accounts/password/change/"],
    ids=["two-factor", "change-password"],
)
def test_account_pages_when_signed_in(page, live_server, editor, path):
    sign_in(page, live_server, editor)
    visit(page, path)
    assert page.url == f"{live_server.url}{path}"


def test_activating_an_authenticator_app_asks_for_the_password_first(page, live_server, editor):
    sign_in(page, live_server, editor)
    visit(page, "/accounts/2fa/totp/activate/")
    assert page.url.startswith(f"{live_server.url}/accounts/reauthenticate/")
    page.locator("main input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert page.url == f"{live_server.url}/accounts/2fa/totp/activate/"
    check_accessibility(page)
    assert page.locator("main input[name=code]").is_visible()


def test_two_factor_setup_when_it_is_required(page, live_server, editor, settings):
    settings.REQUIRE_MFA = True
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=login]").fill(editor.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/accounts/reauthenticate/**")
    check_accessibility(page)
    page.locator("main input[name=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/accounts/2fa/totp/activate/")
    check_accessibility(page)


def test_sign_up_is_closed(page):
    visit(page, "/accounts/signup/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Accounts are created by the administrator"
    )
    assert page.locator("input[name=password1]").count() == 0


def test_sign_out_from_the_header(page, live_server, editor):
    sign_in(page, live_server, editor)
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Sign out").click()
    assert page.url == f"{live_server.url}/"
    assert page.locator(".pcc-header__account").count() == 0
    check_accessibility(page)
    visit(page, "/manage/")  # signed out, the staff area asks for sign-in again
    assert page.url.startswith(f"{live_server.url}/accounts/login/")
