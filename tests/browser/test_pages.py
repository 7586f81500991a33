"""Content pages in a real browser: an editor writes, previews and publishes a page; the render
job's state updates live; the public page and its PDF follow. Every page is checked with axe."""

import pytest

from pcc_portal.publications.models import RenderJob
from tests.browser.conftest import check_and_publish, sign_in, visit
from tests.browser.staff_pages import follow, submit

pytestmark = pytest.mark.browser


def test_an_editor_writes_previews_and_publishes_a_content_page(page, live_server, editor):
    sign_in(page, live_server, editor)
    visit(page, "/manage/pages/")
    follow(page, "Create a content page")

    # Bad input: errors beside the fields and in the summary, and what was typed is kept.
    page.get_by_label("Summary").fill("Who does what in Lancashire's policing governance.")
    submit(page, "Save draft")
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.get_by_label("Summary").input_value().startswith("Who does what")

    page.get_by_label("Title").fill("Roles and responsibilities")
    page.get_by_label("Slug").fill("roles")
    page.get_by_label("Body").fill("## The Commissioner\n\nSets the police and crime plan.")
    submit(page, "Save draft")
    assert page.get_by_text("Sets the police and crime plan.").is_visible()
    assert page.get_by_text("Not published yet").is_visible()

    check_and_publish(page, "First publication")
    assert RenderJob.objects.get().status == RenderJob.Status.SUCCEEDED
    assert page.get_by_text("The public sees version 1").is_visible()

    visit(page, "/pages/roles/")
    assert page.get_by_role("heading", level=1).inner_text() == "Roles and responsibilities"
    response = page.request.get(f"{live_server.url}/pages/roles.pdf")
    assert response.status == 200
    assert response.body().startswith(b"%PDF-")

    visit(page, "/manage/")
    with page.expect_navigation():
        page.get_by_role("link", name="Content pages").first.click()
    with page.expect_navigation():
        page.get_by_role("link", name="Roles and responsibilities").click()
    follow(page, "History")
    assert page.get_by_role("heading", level=1).is_visible()


def test_a_failed_render_shows_its_reason_and_retries(page, live_server, editor, monkeypatch):
    from pcc_portal.publications import pdf

    real_render = pdf.render_pdf
    monkeypatch.setattr(pdf, "render_pdf", _failing)
    sign_in(page, live_server, editor)
    visit(page, "/manage/pages/new/")
    page.get_by_label("Title").fill("About the Commissioner")
    page.get_by_label("Slug").fill("about")
    page.get_by_label("Body").fill("The Commissioner is elected every four years.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    check_and_publish(page, "First publication")
    assert page.get_by_text("fonts are missing").first.is_visible()

    monkeypatch.setattr(pdf, "render_pdf", real_render)
    submit(page, "Try rendering the PDF again")
    assert page.get_by_text("The public sees version 1").is_visible()


def _failing(html):
    raise RuntimeError("fonts are missing")
