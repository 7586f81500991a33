"""Staff pages: drafting the form, attachments checked to be PDFs, Part 2 kept to its readers."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions.models import Decision, DecisionAttachment, DecisionPart2, files
from pcc_portal.accounts.models import Office
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory
from tests.plans.factories import PriorityFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Police and Crime Plan 2021 - 2025",
    "report_by": "Ian Dickinson, Head of Governance",
    "has_financial_implications": "True",
    "executive_summary": "To consider the draft Police and Crime Plan 2021-2025.",
    "recommendation": "That the Commissioner approves the draft plan.",
    "background": "A Commissioner must issue a plan in the year of an ordinary election.",
    "legal_implications": "Set out in the Police Reform and Social Responsibility Act 2011.",
    "financial_implications": "Drawn up in the context of the budget and precept.",
    "equality_implications": "Prepared for equality of service provision.",
    "consultation_implications": "The Chief Constable, partners and the public were consulted.",
    "priority_scope": "all",
    "background_papers": "Police Reform and Social Responsibility Act 2011",
}


def _form(**changes):
    """The form as posted, its decision maker the Commissioner's office."""
    office = Office.objects.of_kind(Office.Kind.COMMISSIONER).get()
    return {**FORM, "decision_maker": office.pk, **changes}


def test_an_editor_drafts_a_decision_with_the_seed_form_fields(client, editor):
    client.force_login(editor)
    response = client.post(reverse("decisions_manage:create"), _form())
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("decisions_manage:detail", kwargs={"pk": decision.pk})
    assert decision.status == Decision.Status.DRAFT and decision.number is None
    assert decision.created_by == editor
    page = client.get(response["Location"]).content.decode()
    assert "Submit to the monitoring officer" in page
    assert "Not yet numbered" in page or "not yet numbered" in page


def test_choosing_plan_priorities_without_ticking_any_is_explained_and_keeps_the_input(
    client, editor
):
    client.force_login(editor)
    response = client.post(reverse("decisions_manage:create"), _form(priority_scope="plan"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page and "govuk-error-summary" in page
    assert "Tick the plan priorities" in page
    assert FORM["background"] in page and FORM["title"] in page
    assert not Decision.objects.exists()


def test_ticked_priorities_are_saved(client, editor):
    priority = PriorityFactory(plan__previous_term=True, title="Tackling crime and reoffending")
    client.force_login(editor)
    client.post(
        reverse("decisions_manage:create"),
        _form(priority_scope="plan", priorities=[priority.pk]),
    )
    assert list(Decision.objects.get().priorities.all()) == [priority]
    assert Decision.objects.get().priority_text == "Tackling crime and reoffending"


def _upload(client, decision, file):
    return client.post(
        reverse("decisions_manage:attachment_add", kwargs={"pk": decision.pk}),
        {"title": "Business case", "file": file},
    )


def test_a_pdf_is_attached(client, editor, pdf_file, settings):
    decision = DecisionFactory()
    client.force_login(editor)
    response = _upload(client, decision, pdf_file())
    assert response.status_code == 302
    attachment = DecisionAttachment.objects.get()
    assert attachment.size > 0 and attachment.file.name.startswith("decisions/part1/")
    # Kept where no web server serves media from: only the checking views hand it out.
    media = Path(settings.MEDIA_ROOT).resolve()
    assert not Path(attachment.file.path).resolve().is_relative_to(media)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("case.docx", b"PK\x03\x04 a word document", "must be a PDF"),
        ("case.pdf", b"PK\x03\x04 a renamed word document", "whatever its name says"),
        ("case.pdf", b"%PDF-1.7\n truncated", "damaged"),
    ],
)
def test_an_attachment_that_is_not_a_pdf_is_refused_beside_the_field(
    client, editor, name, content, message
):
    decision = DecisionFactory()
    client.force_login(editor)
    response = _upload(client, decision, SimpleUploadedFile(name, content))
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and "govuk-error-summary" in page
    assert 'value="Business case"' in page
    assert not DecisionAttachment.objects.exists()


def test_an_attachment_over_the_size_limit_is_refused(client, editor, monkeypatch, pdf_file):
    monkeypatch.setattr(files, "ATTACHMENT_MAX_BYTES", 1024)
    decision = DecisionFactory()
    client.force_login(editor)
    response = _upload(client, decision, pdf_file())
    assert response.status_code == 400
    assert "the largest allowed is 1.0\xa0KB" in response.content.decode()


def test_part2_is_written_and_read_by_staff_with_its_permission(client, editor):
    decision = DecisionFactory(is_restricted=True)
    client.force_login(editor)
    response = client.post(
        reverse("decisions_manage:part2_edit", kwargs={"pk": decision.pk}),
        {
            "grounds": "personal",
            "exemption": "Personal information: section 40",
            "content": "The officer's name.",
        },
    )
    assert response.status_code == 302
    assert DecisionPart2.objects.get().decision == decision
    page = client.get(reverse("decisions_manage:part2", kwargs={"pk": decision.pk}))
    assert "The officer&#x27;s name." in page.content.decode() or "officer" in page.content.decode()


def test_panel_members_and_the_panel_secretary_cannot_read_part2(
    client, panel_member, panel_secretary
):
    part2 = DecisionPart2Factory()
    for user in (panel_member, panel_secretary):
        client.force_login(user)
        url = reverse("decisions_manage:part2", kwargs={"pk": part2.decision.pk})
        assert client.get(url).status_code == 403
    assert DecisionPart2.objects.visible_to(panel_member).count() == 0


def test_the_staff_list_filters_by_status_within_a_query_budget(
    client, editor, django_assert_max_num_queries
):
    for number in range(8):
        DecisionFactory(title=f"Draft {number}", priority_scope="plan").priorities.add(
            PriorityFactory(plan__previous_term=True)
        )
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("decisions_manage:list"), {"status": "draft"})
    assert "Draft 7" in response.content.decode()
    assert (
        "Draft 7"
        not in client.get(reverse("decisions_manage:list"), {"status": "signed"}).content.decode()
    )


def test_a_status_the_staff_list_does_not_know_filters_nothing(client, editor):
    DecisionFactory(title="Estates strategy")
    client.force_login(editor)
    response = client.get(reverse("decisions_manage:list"), {"status": "lost"})
    assert response.status_code == 200
    assert "Estates strategy" in response.content.decode()
    assert response.context["current_status"] == ""


def test_the_form_asks_who_decides_its_value_and_whether_it_has_financial_implications(
    client, editor
):
    Office.objects.create(kind="delegated", title="Director of Resources", value_limit=50_000)
    client.force_login(editor)
    page = client.get(reverse("decisions_manage:create")).content.decode()
    assert "Director of Resources (up to \u00a350,000)" in page
    assert "Does the decision have financial implications?" in page
    response = client.post(
        reverse("decisions_manage:create"),
        _form(has_financial_implications="False", financial_implications="", value=""),
    )
    decision = Decision.objects.get()
    assert response.status_code == 302 and not decision.has_financial_implications


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"has_financial_implications": "True", "financial_implications": ""},
            "Set out the financial implications, or answer \u201cNo\u201d above",
        ),
        (
            {"has_financial_implications": "False", "value": "25000"},
            "The decision has a value: it has financial implications.",
        ),
        ({"value": "lots"}, "Enter the value in pounds"),
        ({"has_financial_implications": ""}, "Say whether the decision has financial implications"),
    ],
)
def test_the_financial_questions_are_explained_when_they_disagree(client, editor, changes, message):
    client.force_login(editor)
    response = client.post(reverse("decisions_manage:create"), _form(**changes))
    page = response.content.decode()
    assert response.status_code == 400 and "<title>Error:" in page
    assert message in page
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    "url_name", ["edit", "attachment_add", "part2_edit", "part2_attachment_add"]
)
def test_a_decision_no_longer_a_draft_sends_its_forms_back_to_its_page_saying_why(
    client, editor, url_name
):
    decision = DecisionPart2Factory().decision
    Decision.objects.filter(pk=decision.pk).update(status=Decision.Status.SUBMITTED)
    client.force_login(editor)

    response = client.get(
        reverse(f"decisions_manage:{url_name}", kwargs={"pk": decision.pk}), follow=True
    )

    assert response.redirect_chain[-1][0] == decision.get_manage_url()
    assert "it can no longer be changed." in response.content.decode()


def test_nothing_is_attached_to_part_2_before_it_is_written(client, editor):
    decision = DecisionFactory(is_restricted=True)
    client.force_login(editor)
    url = reverse("decisions_manage:part2_attachment_add", kwargs={"pk": decision.pk})

    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Prices"}).status_code == 404


def test_a_decision_submitted_while_its_edit_page_saves_is_neither_undone_nor_changed(
    client, editor, monkeypatch
):
    """The edit page loads the draft, then the author's colleague submits it before the save:
    the save is refused with what was typed kept, and the submission stands."""
    from decisions.views.manage import DecisionUpdateView

    decision = DecisionFactory(title="Police and Crime Plan 2021 - 2025")
    loaded = DecisionUpdateView.get_form

    def submitted_meanwhile(view, *args, **kwargs):
        form = loaded(view, *args, **kwargs)
        Decision.objects.filter(pk=decision.pk).update(status=Decision.Status.SUBMITTED)
        return form

    monkeypatch.setattr(DecisionUpdateView, "get_form", submitted_meanwhile)
    client.force_login(editor)
    response = client.post(
        reverse("decisions_manage:edit", kwargs={"pk": decision.pk}),
        _form(title="Police and Crime Plan 2021 - 2025 (revised)"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "can no longer be edited here, so nothing was saved" in page
    assert 'value="Police and Crime Plan 2021 - 2025 (revised)"' in page  # nothing typed is lost
    decision.refresh_from_db()
    assert decision.status == Decision.Status.SUBMITTED
    assert decision.title == "Police and Crime Plan 2021 - 2025"
