"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Every page a test reaches is checked with axe-core against WCAG 2.2 A and AA, and a test fails when
the browser reports a Content Security Policy violation or a JavaScript error. The helpers:

- ``page``: a fresh browser context and page per test, its base URL the live server's.
- ``visit(page, url)``: go to a URL (or a path), check the status and run the checks.
- ``check_accessibility(page)``: the checks alone, for a page reached by clicking or submitting.
- ``check_at_widths(page)``: the checks at a phone's width (375 px) and a desktop's (1280 px),
  failing when the page is wider than the viewport at either (WCAG 1.4.10 Reflow).
- ``visit_at_widths(page, url)``: ``visit`` with ``check_at_widths``.
- ``sign_in(page, live_server, user)``: sign in through the real sign-in form.

A page whose own document answers an error status makes Chromium log "Failed to load resource",
which fails the test like any console error; ``visit(page, url, status=404)`` expects it, and a
test that reaches an error page by clicking adds the URL to ``page.problems.expected_failures``.
A form re-shown with its errors (a submission answered 400 in the page's own frame) is expected
without saying so: every staff form answers that way.

Without /usr/bin/chromium (or the axe-core package from ``npm ci``) the tests skip; with
CI_REQUIRE_BROWSER=1 they fail instead, so CI cannot pass by skipping them.
"""

import os
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.accounts.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
TIMEOUT_MS = 15_000
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def _unavailable(reason):
    if os.environ.get("CI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (CI_REQUIRE_BROWSER=1, so browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def _serve_collected_static_files():
    """With the production (manifest) storage, pages name hashed files that only `collectstatic`
    makes; the live server's static handler looks in the source folders, so serve STATIC_ROOT as
    WhiteNoise does in production. CI runs the services suite this way."""
    from django.conf import settings
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.contrib.staticfiles.storage import ManifestFilesMixin
    from django.core.files.storage import storages
    from django.views.static import serve

    if not isinstance(storages["staticfiles"], ManifestFilesMixin):
        yield
        return
    original = StaticFilesHandler.serve

    def serve_collected(handler, request):
        return serve(request, handler.file_path(request.path), document_root=settings.STATIC_ROOT)

    StaticFilesHandler.serve = serve_collected
    yield
    StaticFilesHandler.serve = original


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        _unavailable(f"{AXE} is missing: run `npm ci` (or `make assets`) for axe-core")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One Chromium for the browser tests, closed when they are done (package scope), so the
    event loop Playwright runs does not outlive them."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: install Debian's chromium package to run these")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Between calls, Playwright's sync API leaves its event loop marked as running in this thread,
    # and Django then keeps database connections per asyncio context instead of per thread: the
    # tests would get new connection objects, without the test database's serialized contents
    # and (on in-memory SQLite) not the one the live server shares. Hand them the same ones.
    thread_connections = {alias: connections[alias] for alias in connections}
    # For the same reason Django refuses ORM calls in this thread unless told they are safe, which
    # they are: the tests and their fixtures use the database from this one thread.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ.setdefault(ASYNC_UNSAFE, "true")
    try:
        with sync_playwright() as playwright:
            for alias, connection in thread_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)


class BrowserProblems:
    """Collects what the browser reports that a test must not ignore: CSP violations (Chromium
    logs them to the console as errors), uncaught JavaScript errors and other console errors."""

    def __init__(self, page):
        self.problems = []
        # URLs a test expects to fail (an error page's own document logs "Failed to load resource").
        self.expected_failures = set()
        # Form submissions answered 400 in the main frame, by URL: each is a form re-shown with its
        # errors, and excuses one "Failed to load resource" logged at that URL.
        self.reshown_forms = Counter()
        # (url, problem) for each failed load, judged in check(): the console message and the
        # response event come from different processes and may arrive in either order.
        self.failed_loads = []
        page.on("console", self._console)
        page.on("response", self._response)
        page.on("pageerror", lambda error: self.problems.append(f"JavaScript error: {error}"))

    def _console(self, message):
        if message.type != "error":
            return
        text, where = message.text, message.location.get("url", "")
        kind = "Content Security Policy violation" if "Content Security Policy" in text else None
        problem = f"{kind or 'Console error'}: {text} (at {where or 'unknown'})"
        if text.startswith("Failed to load resource"):
            self.failed_loads.append((where, text, problem))
        else:
            self.problems.append(problem)

    def _response(self, response):
        request = response.request
        if (
            response.status == 400
            and request.method == "POST"
            and request.is_navigation_request()
            and request.frame.parent_frame is None
        ):
            self.reshown_forms[response.url] += 1

    def _unexpected_failed_loads(self):
        unexpected = []
        for where, text, problem in self.failed_loads:
            if where in self.expected_failures:
                continue
            if "status of 400" in text and self.reshown_forms[where] > 0:
                self.reshown_forms[where] -= 1
                continue
            unexpected.append(problem)
        self.failed_loads = []
        return unexpected

    def check(self):
        problems, self.problems = self.problems + self._unexpected_failed_loads(), []
        if problems:
            pytest.fail("The browser reported:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def page(browser, live_server, axe_source, django_db_serialized_rollback, settings):
    """A page in a fresh browser context; relative URLs resolve against the live server, which
    is the portal's address (``PORTAL_BASE_URL``) for the links in the emails it sends.

    The live server needs a transactional database, which is emptied after each test: serialized
    rollback puts back what migrations created (the role groups and their permissions), before
    each browser test and, by tests/worker.py's teardown hook, after the last."""
    settings.PORTAL_BASE_URL = live_server.url
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    new_page = context.new_page()
    new_page.problems = BrowserProblems(new_page)
    new_page.axe_source = axe_source
    new_page.live_server_url = live_server.url
    yield new_page
    context.close()
    new_page.problems.check()


def check_accessibility(page):
    """Fail on any browser-reported problem so far, then on any WCAG 2.2 A/AA violation axe finds
    on the page as it is now."""
    page.problems.check()
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol: CSP would block an injected <script> element.
        page.evaluate(page.axe_source)
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({target: n.target.join(" "), html: n.html,
                                            summary: n.failureSummary})),
            }));
        }""",
        WCAG_TAGS,
    )
    if violations:
        pytest.fail(
            f"Accessibility violations (WCAG 2.2 A/AA) on {page.url}:\n"
            + "\n".join(_describe(violation) for violation in violations),
            pytrace=False,
        )
    page.problems.check()


def check_at_widths(page):
    """``check_accessibility`` at a phone's width and then a desktop's, and no sideways
    scrolling at either; leaves the page at desktop width."""
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        check_accessibility(page)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (
            f"{page.url} is {widths[0]} px wide in a {widths[1]} px viewport: it scrolls sideways"
        )


def visit_at_widths(page, url, *, status=None):
    """``visit`` (status checked), then ``check_at_widths``."""
    response = visit(page, url, status=status, accessibility=False)
    check_at_widths(page)
    return response


def _describe(violation):
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']}"]
    lines.append(f"  {violation['helpUrl']}")
    for node in violation["nodes"]:
        lines.append(f"  * {node['target']}: {node['html'][:200]}")
        lines.extend(f"      {line}" for line in (node["summary"] or "").splitlines())
    return "\n".join(lines)


def visit(page, url, *, status=None, accessibility=True):
    """Go to ``url`` (absolute, or a path on the live server), check the response status (below
    400 unless ``status`` names the one expected) and run ``check_accessibility``."""
    if status is not None and status >= 400:
        page.problems.expected_failures.add(_absolute(page, url))
    response = page.goto(url)
    assert response is not None, f"no response for {url}"
    if status is None:
        assert response.status < 400, f"{url} answered {response.status}"
    else:
        assert response.status == status, f"{url} answered {response.status}, not {status}"
    if accessibility:
        check_accessibility(page)
    else:
        page.problems.check()
    return response


def _absolute(page, url):
    return urljoin(page.live_server_url + "/", url)


def sign_in(page, live_server, user, password=PASSWORD):
    """Sign ``user`` in through the sign-in form and wait for the page it lands on."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=login]").fill(user.username)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Sign in").click()
    assert page.locator(".pcc-header__account").is_visible(), (
        f"{user.username} was not signed in: the page at {page.url} shows no signed-in header"
    )
    page.problems.check()


def check_and_publish(page, note, *, link="Check and publish"):
    """From a staff page's publishing panel, open the check page (checked with axe), give the
    change note, confirm the check and publish; wait for the page publishing leads to."""
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=link).click()
    check_accessibility(page)
    confirm_and_publish(page, note)


def confirm_and_publish(page, note):
    """On a check page: the change note, the confirmation, and the publish button."""
    page.locator("main").get_by_label("What has changed?").fill(note)
    page.locator("main").get_by_label("I have checked what becomes public").check()
    with page.expect_navigation():
        page.locator("main input[name=publish]").click()
    reauthenticate_if_asked(page)
    check_accessibility(page)


def reauthenticate_if_asked(page, password=PASSWORD, *, timeout=TIMEOUT_MS):
    """Releasing or withdrawing asks for the password again (allauth's re-authentication), then
    carries on with what was asked (waiting up to ``timeout`` ms for it); give it when asked."""
    if "/accounts/reauthenticate/" not in page.url:
        return
    check_accessibility(page)
    page.locator("main input[name=password]").fill(password)
    with page.expect_navigation(timeout=timeout):
        page.locator("main button[type=submit]").click()


def fill_date(page, legend, value):
    """Type ``value`` (a ``date`` or ``YYYY-MM-DD``) into the GOV.UK date input whose legend is
    ``legend``: its day, month and year boxes, as a person would; ``""`` empties them."""
    group = page.locator("main").get_by_role("group", name=legend, exact=True)
    if not value:
        for box in ("Day", "Month", "Year"):
            group.get_by_label(box).fill("")
        return
    year, month, day = str(value).split("-")
    group.get_by_label("Day").fill(str(int(day)))
    group.get_by_label("Month").fill(str(int(month)))
    group.get_by_label("Year").fill(year)
