"""Steps and checks shared by the browser tests of staff pages."""

from tests.browser.conftest import DESKTOP, PHONE, check_accessibility, reauthenticate_if_asked


def submit(page, name, *, accessibility=True):
    """Press the button ``name`` in the page's main content and wait for the page it leads to,
    checked with axe unless ``accessibility`` is False (a test that checks it at two widths)."""
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name, exact=True).click()
    if accessibility:
        check_accessibility(page)


def follow(page, name):
    """Follow the link ``name`` in the page's main content; the page it leads to is checked."""
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=name, exact=True).click()
    check_accessibility(page)


def fill(page, label, value):
    page.locator("main").get_by_label(label, exact=True).fill(value)


def sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def reauthenticate(page, live_server):
    """allauth asks for the password again before a signature or a publication; give it. The
    page it carries on to is checked."""
    assert page.url.startswith(f"{live_server.url}/accounts/reauthenticate/"), page.url
    reauthenticate_if_asked(page)
    check_accessibility(page)


def reflows_and_passes_axe(page, *, phone=True):
    """No sideways scrolling at a phone's width, and axe at a desktop's. The full check at the
    phone's width (``check_at_widths``) still finds small touch targets on these staff pages
    (breadcrumbs, Edit/Delete links), and the plan's page its finance tables wider than a phone
    (``phone=False``): issue 18 lists them, apart from what is tested here."""
    if not phone:
        check_accessibility(page)
        return
    page.set_viewport_size(PHONE)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways on a phone: {widths}"
    page.set_viewport_size(DESKTOP)
    check_accessibility(page)
