"""Staff pages that change in place: reordering with one request per move, the live state of a
PDF render and of an agenda pack build, the publish button that says it is working, and the
performance import's template offered before the first upload."""

import json

import pytest
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from panel.models import AgendaPack, PackBuild, PackItem, PackPaper, PaperRender
from pcc_portal.publications.models import RenderJob
from tests.pages.factories import ContentPageFactory
from tests.panel.factories import AgendaItemFactory, MeetingFactory
from tests.plans.helpers import full_plan
from tests.publications.renders import render_job, rendering_version

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


# Reordering ------------------------------------------------------------------------------------


def _agenda():
    meeting = MeetingFactory()
    items = [
        AgendaItemFactory(meeting=meeting, number=number, title=title)
        for number, title in enumerate(["Apologies", "Minutes", "PCC update report"], start=1)
    ]
    return meeting, items


def test_moving_an_agenda_item_answers_with_the_agenda_in_its_new_order(client, panel_secretary):
    meeting, (_apologies, _minutes, update) = _agenda()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:item_move", kwargs={"pk": update.pk}), {"direction": "up"}, **JSON
    )
    assert response.status_code == 200
    data = json.loads(response.content)
    update.refresh_from_db()
    assert update.number == 2
    assert data["row"] == f"item-{update.pk}"
    assert data["message"] == "\u201cPCC update report\u201d is now item 2."
    html = data["html"]
    assert html.index("2. PCC update report") < html.index("3. Minutes")
    # The moved item's buttons are there for focus to stay on, in both directions.
    row = html.split(f'id="item-{update.pk}"')[1].split("govuk-summary-card__content")[0]
    assert 'data-direction="up"' in row and 'data-direction="down"' in row


def test_moving_an_agenda_item_without_javascript_still_comes_back_to_the_page(
    client, panel_secretary
):
    meeting, (_apologies, _minutes, update) = _agenda()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:item_move", kwargs={"pk": update.pk}), {"direction": "up"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{update.pk}")
    update.refresh_from_db()
    assert update.number == 2


def test_moving_an_agenda_item_without_javascript_says_what_happened_as_a_plan_does(
    client, panel_secretary
):
    meeting, (apologies, _minutes, update) = _agenda()
    client.force_login(panel_secretary)
    url = reverse("panel_manage:item_move", kwargs={"pk": update.pk})
    page = client.post(url, {"direction": "up"}, follow=True).content.decode()
    assert "\u201cPCC update report\u201d is now item 2." in page
    first = reverse("panel_manage:item_move", kwargs={"pk": apologies.pk})
    page = client.post(first, {"direction": "up"}, follow=True).content.decode()
    assert "\u201cApologies\u201d is already item 1." in page
    # A direction that is neither up nor down moves nothing, as on a plan's pages.
    assert client.post(url, {"direction": "sideways"}).status_code == 404


def test_the_meeting_page_marks_its_agenda_for_moving_in_place(client, panel_secretary):
    meeting, _items = _agenda()
    client.force_login(panel_secretary)
    page = client.get(reverse("panel_manage:meeting", kwargs={"pk": meeting.pk})).content.decode()
    # The script's address as the static storage names it (hashed by the manifest storage).
    assert "data-reorder-region" in page and static("js/reorder.js") in page


def _move_up(client, plan, kind, item):
    """Move ``item`` of the plan's ``kind`` up a place in place, as the script does; the JSON
    answer."""
    response = client.post(
        reverse("plans_manage:part_move", kwargs={"pk": plan.pk, "kind": kind, "item": item.pk}),
        {"direction": "up"},
        **JSON,
    )
    return json.loads(response.content)


def test_moving_a_priority_answers_with_the_priorities_renumbered(client, editor):
    plan = full_plan()
    second = plan.priorities.get(number=2)
    client.force_login(editor)
    data = _move_up(client, plan, "priorities", second)
    assert data["row"] == f"priorities-{second.pk}"
    assert data["message"].startswith("Moved \u201cDisrupting")
    assert "Priority 1: Disrupting and dismantling organised crime" in data["html"]
    assert "Priority 2: Getting tough on anti-social behaviour" in data["html"]
    second.refresh_from_db()
    assert second.number == 1


def test_moving_a_commitment_answers_with_its_priority_s_commitments(client, editor):
    plan = full_plan()
    priority = plan.priorities.get(number=1)
    first = priority.commitments.get()
    second = priority.commitments.create(wording="Open a youth centre", order=2)
    client.force_login(editor)
    data = _move_up(client, plan, "commitments", second)
    assert data["row"] == f"commitments-{second.pk}"
    assert data["html"].index("Open a youth centre") < data["html"].index(first.wording)
    # A list moved in place leaves no message waiting for the next page.
    page = client.get(reverse("plans_manage:detail", kwargs={"pk": plan.pk})).content.decode()
    assert "Moved \u201cOpen a youth centre" not in page


# A PDF's render, and a pack's build, shown in place ------------------------------------------


def _render_job(editor, status=RenderJob.Status.RUNNING, **extra):
    page = ContentPageFactory(slug="about")
    return page, render_job(page, by=editor, status=status, **extra)


def test_a_render_in_progress_polls_in_place_instead_of_reloading(client, editor):
    page, job = _render_job(editor)
    client.force_login(editor)
    html = client.get(reverse("pages_manage:detail", kwargs={"pk": page.pk})).content.decode()
    assert "data-render-job-url" in html and 'role="status"' in html
    assert "Working on it" in html
    script = (settings.BASE_DIR / "static/js/render-status.js").read_text()
    assert "location.reload" not in script and "innerHTML" in script


def test_the_render_status_sends_the_box_to_show_with_a_retry_coming_back_to_the_page(
    client, editor
):
    page, job = _render_job(
        editor, status=RenderJob.Status.DEAD, attempts=4, error="RuntimeError: fonts missing"
    )
    job.finished_at = timezone.now()
    job.save()
    client.force_login(editor)
    here = reverse("pages_manage:detail", kwargs={"pk": page.pk})
    url = reverse("publications_manage:job_status", kwargs={"pk": job.pk})
    data = client.get(url, {"next": here}).json()
    assert data["finished"] and data["status"] == "dead"
    assert "RuntimeError: fonts missing" in data["html"]
    assert "Try rendering the PDF again" in data["html"]
    assert f'name="next" value="{here}"' in data["html"]
    # Another site is never where a retry leads.
    data = client.get(url, {"next": "https://elsewhere.example/"}).json()
    assert "elsewhere.example" not in data["html"]
    assert f'value="{reverse("manage:dashboard")}"' in data["html"]


def _building_pack(editor, *, rendered, total, status=PackBuild.Status.RENDERING):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, number=1, title="PCC update report")
    pack = AgendaPack.objects.create(meeting=meeting)
    version = rendering_version(pack, by=editor, document_type="pack")
    build = PackBuild.objects.create(version=version, meeting=meeting, status=status, attempts=1)
    frozen = PackItem.objects.create(build=build, number=1, kind=item.kind, title=item.title)
    for position in range(total):
        render = PaperRender.objects.create(
            key=f"paper-{position}",
            title=f"Paper {position}",
            **(
                {"status": "ready", "pdf": "panel/papers/x.pdf", "page_count": 2}
                if position < rendered
                else {}
            ),
        )
        PackPaper.objects.create(
            item=frozen, position=position, title=render.title, kind="report", render=render
        )
    return meeting, build


def test_a_pack_build_shows_papers_rendered_of_all_of_them(client, panel_secretary):
    meeting, build = _building_pack(panel_secretary, rendered=1, total=3)
    client.force_login(panel_secretary)
    page = client.get(reverse("panel_manage:meeting", kwargs={"pk": meeting.pk})).content.decode()
    assert "Rendering papers: 1 of 3 ready." in page
    assert 'data-pack-state="rendering:1:3"' in page
    data = client.get(reverse("panel_manage:pack_status", kwargs={"pk": meeting.pk})).json()
    assert (data["rendered"], data["total"], data["finished"]) == (1, 3, False)
    assert "Rendering papers: 1 of 3 ready." in data["html"]


def test_a_pack_being_assembled_says_so(client, panel_secretary):
    meeting, build = _building_pack(
        panel_secretary, rendered=2, total=2, status=PackBuild.Status.ASSEMBLING
    )
    client.force_login(panel_secretary)
    data = client.get(reverse("panel_manage:pack_status", kwargs={"pk": meeting.pk})).json()
    assert "All 2 papers rendered: assembling the pack" in data["html"]


def test_the_pack_status_script_updates_in_place_without_reloading():
    script = (settings.BASE_DIR / "static/js/panel-pack-status.js").read_text()
    assert "location.reload" not in script and "innerHTML" in script


# Publishing says it is working ---------------------------------------------------------------


def test_the_publish_button_says_it_is_working_and_is_not_sent_twice():
    from pcc_portal.publications.forms import PublishForm

    form = PublishForm(action="/publish/")
    assert form.helper.attrs["data-working"].startswith("Publishing")
    script = (settings.BASE_DIR / "static/js/working.js").read_text()
    assert "data-sending" in script and "aria-disabled" in script


# The performance import -----------------------------------------------------------------------


def test_the_import_page_offers_the_template_and_the_measure_numbers_before_any_upload(
    client, editor
):
    plan = full_plan()
    measure = plan.measures.get(wording="Public confidence (1)")
    measure.unit = "%"
    measure.save()
    client.force_login(editor)
    page = client.get(reverse("performance_manage:import_upload")).content.decode()
    template = reverse("performance_manage:import_template") + f"?plan={plan.pk}"
    assert f'href="{template}"' in page
    assert "Download the template for" in page
    assert f'<th scope="row" class="govuk-table__header">{measure.pk}</th>' in page
    assert "Priority 1: Public confidence (1) (%)" in page
