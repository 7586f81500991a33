"""The approval workflow: draft, submitted, declared, signed, published; rejected or withdrawn.
Who may take each step is tested in test_duties_matrix.py."""

import pytest
from django.urls import reverse

from decisions import services
from decisions.models import Decision
from pcc_portal.errors import InvalidTransition, NotPermitted
from tests.accounts.factories import reauthenticate
from tests.decisions.conftest import at, declare
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory
from tests.pdfs import pdf_text
from tests.plans.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def test_a_decision_goes_from_draft_to_published_recording_who_in_which_office_and_when(
    editor, decision_maker, monitoring_officer, finance_officer, publish_decision, client
):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    assert decision.status == Decision.Status.SUBMITTED and decision.submitted_by == editor
    services.declare_decision_finance(decision=decision, by=finance_officer, at=at(2022, 1, 5))
    assert decision.status == Decision.Status.SUBMITTED  # the monitoring officer's is still due
    services.declare_decision(decision=decision, by=monitoring_officer, at=at(2022, 1, 6, 9))
    assert decision.status == Decision.Status.DECLARED
    assert decision.monitoring_officer_name == monitoring_officer.get_full_name()
    assert decision.monitoring_officer_title == "Monitoring Officer"
    assert decision.monitoring_officer_holding.user == monitoring_officer
    assert decision.finance_officer_name == finance_officer.get_full_name()
    assert decision.finance_officer_title == "Chief Finance Officer"
    services.sign_decision(decision=decision, by=decision_maker, signed_at=at(2022, 1, 6))
    assert decision.status == Decision.Status.SIGNED
    assert decision.signed_by == decision_maker
    assert decision.signatory_name == decision_maker.get_full_name()
    assert decision.signatory_title == "Police and Crime Commissioner"
    assert decision.reference == "01/2021"
    version = publish_decision(decision)
    decision.refresh_from_db()
    assert decision.status == Decision.Status.SIGNED and decision.is_published
    assert version.status == version.Status.READY
    text = pdf_text(version.pdf.read())
    assert f"{decision_maker.get_full_name()}, Police and Crime Commissioner" in text
    assert "6/1/2022" in text
    assert f"{monitoring_officer.get_full_name()}, Monitoring Officer" in text
    assert f"{finance_officer.get_full_name()}, Chief Finance Officer" in text
    assert "05.01.22" in text and "06.01.22" in text
    page = " ".join(client.get(decision.get_absolute_url()).content.decode().split())
    assert (
        f"Approved and signed by {decision_maker.get_full_name()}, Police and Crime "
        "Commissioner, on 6 January 2022" in page
    )
    assert f"{monitoring_officer.get_full_name()}, Monitoring Officer, 6 January 2022" in page
    assert f"{finance_officer.get_full_name()}, Chief Finance Officer, 5 January 2022" in page


def test_without_financial_implications_the_finance_declaration_is_recorded_as_not_needed(
    editor, decision_maker, monitoring_officer, finance_officer, publish_decision, client
):
    decision = DecisionFactory(has_financial_implications=False, financial_implications="")
    services.submit_decision(decision=decision, by=editor)
    reasons = decision.history.values_list("history_change_reason", flat=True)
    assert "Submitted to the monitoring officer (finance declaration not needed)" in reasons
    with pytest.raises(NotPermitted, match="not needed"):
        services.declare_decision_finance(decision=decision, by=finance_officer)
    services.declare_decision(decision=decision, by=monitoring_officer)
    assert decision.status == Decision.Status.DECLARED
    services.sign_decision(decision=decision, by=decision_maker, signed_at=at(2022, 1, 6))
    publish_decision(decision)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Not needed: the decision has no financial implications." in page


def test_a_decision_cannot_be_signed_before_both_declarations(
    editor, decision_maker, monitoring_officer
):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    with pytest.raises(InvalidTransition, match="monitoring officer's and the chief finance"):
        services.sign_decision(decision=decision, by=decision_maker)
    services.declare_decision(decision=decision, by=monitoring_officer)
    with pytest.raises(InvalidTransition, match="chief finance officer's declaration is made"):
        services.sign_decision(decision=decision, by=decision_maker)
    decision.refresh_from_db()
    assert decision.status == Decision.Status.SUBMITTED and decision.number is None


def test_a_declaration_is_made_once(editor, monitoring_officer):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    services.declare_decision(decision=decision, by=monitoring_officer)
    with pytest.raises(InvalidTransition, match="is made"):
        services.declare_decision(decision=decision, by=monitoring_officer)


def test_an_editor_cannot_sign(editor, decision_maker, client):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    declare(decision)
    with pytest.raises(NotPermitted):
        services.sign_decision(decision=decision, by=editor)
    client.force_login(editor)
    response = client.post(reverse("decisions_manage:sign", kwargs={"pk": decision.pk}))
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.status == Decision.Status.DECLARED and decision.number is None


def test_a_decision_maker_signs_through_the_staff_page(editor, decision_maker, client):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    declare(decision)
    client.force_login(decision_maker)
    page = client.get(reverse("decisions_manage:detail", kwargs={"pk": decision.pk}))
    assert "Approve and sign" in page.content.decode()
    reauthenticate(client)
    response = client.post(reverse("decisions_manage:sign", kwargs={"pk": decision.pk}))
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.status == Decision.Status.SIGNED
    assert decision.number == 1


def test_steps_out_of_order_raise_invalid_transition(editor, decision_maker, monitoring_officer):
    decision = DecisionFactory()
    with pytest.raises(InvalidTransition):
        services.declare_decision(decision=decision, by=monitoring_officer)
    with pytest.raises(InvalidTransition):
        services.sign_decision(decision=decision, by=decision_maker)
    with pytest.raises(InvalidTransition):
        services.publish_decision(decision=decision, by=editor, note="Too early")
    services.submit_decision(decision=decision, by=editor)
    with pytest.raises(InvalidTransition):
        services.submit_decision(decision=decision, by=editor)
    with pytest.raises(InvalidTransition):
        services.sign_decision(decision=decision, by=decision_maker)


def test_an_incomplete_draft_cannot_be_submitted_and_says_what_is_missing(editor):
    decision = DecisionFactory(priority_scope="plan", recommendation="", is_restricted=True)
    with pytest.raises(InvalidTransition) as error:
        services.submit_decision(decision=decision, by=editor)
    message = str(error.value)
    assert "Recommendation" in message
    assert "plan priorities" in message
    assert "Part 2" in message


def test_a_restricted_decision_with_part2_and_priorities_can_be_submitted(editor):
    part2 = DecisionPart2Factory(decision__priority_scope="plan")
    part2.decision.priorities.add(PriorityFactory(plan__previous_term=True))
    services.submit_decision(decision=part2.decision, by=editor)
    assert part2.decision.status == Decision.Status.SUBMITTED


def test_rejection_and_withdrawal_need_a_reason_and_are_final(editor, decision_maker):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    declare(decision)
    with pytest.raises(InvalidTransition):
        services.reject_decision(decision=decision, by=decision_maker, reason=" ")
    with pytest.raises(NotPermitted):
        services.reject_decision(decision=decision, by=editor, reason="Not affordable")
    services.reject_decision(decision=decision, by=decision_maker, reason="Not affordable")
    assert decision.status == Decision.Status.REJECTED
    assert decision.closed_reason == "Not affordable" and decision.closed_by == decision_maker
    with pytest.raises(InvalidTransition):
        services.withdraw_decision(decision=decision, by=editor, reason="Changed mind")

    draft = DecisionFactory()
    services.withdraw_decision(decision=draft, by=editor, reason="Superseded by a joint bid")
    assert draft.status == Decision.Status.WITHDRAWN
    assert draft.number is None


def test_returning_for_changes_clears_the_declarations(editor):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    declare(decision)
    services.return_to_draft(decision=decision, by=editor, reason="Add the equality impact")
    assert decision.status == Decision.Status.DRAFT
    assert decision.declared_at is None and decision.monitoring_officer_name == ""
    assert decision.finance_declared_at is None and decision.finance_officer_name == ""
    assert decision.monitoring_officer_holding is None


def test_a_signed_decision_cannot_be_edited(editor, client, sign):
    decision = sign()
    client.force_login(editor)
    response = client.get(reverse("decisions_manage:edit", kwargs={"pk": decision.pk}))
    assert response.status_code == 302
    response = client.post(
        reverse("decisions_manage:edit", kwargs={"pk": decision.pk}), {"title": "Changed"}
    )
    decision.refresh_from_db()
    assert decision.title != "Changed"


def test_the_reject_form_keeps_the_page_and_explains_an_empty_reason(
    editor, decision_maker, client
):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    declare(decision)
    client.force_login(decision_maker)
    response = client.post(
        reverse("decisions_manage:reject", kwargs={"pk": decision.pk}), {"reason": ""}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Enter the reason" in page
    assert "<title>Error:" in page


def test_history_records_each_step(editor, sign):
    decision = sign()
    reasons = [r or "" for r in decision.history.values_list("history_change_reason", flat=True)]
    assert "Submitted to the monitoring officer and the chief finance officer" in reasons
    assert "Monitoring officer's declaration made by Test User" in " ".join(reasons)
    assert "Chief finance officer's declaration made by" in " ".join(reasons)
    assert any(r.startswith(f"Signed as decision {decision.reference} by") for r in reasons)


def test_the_history_names_who_took_each_step_outside_a_request(
    editor, decision_maker, monitoring_officer, finance_officer, publish_decision
):
    # Called from a command or a demo loader, with no request for the history's middleware: each
    # step still names who took it, as every other service's does.
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    services.declare_decision_finance(decision=decision, by=finance_officer)
    services.declare_decision(decision=decision, by=monitoring_officer)
    services.sign_decision(decision=decision, by=decision_maker)
    publish_decision(decision)  # by the editor
    steps = list(decision.history.order_by("history_date", "history_id"))[1:]
    assert [step.history_user for step in steps] == [
        editor,
        finance_officer,
        monitoring_officer,
        decision_maker,
        editor,
    ]
    returned = DecisionFactory()
    services.submit_decision(decision=returned, by=editor)
    services.return_to_draft(decision=returned, by=editor, reason="Add the equality impact")
    services.withdraw_decision(decision=returned, by=editor, reason="Superseded")
    assert {step.history_user for step in returned.history.all()[:3]} == {editor}


def test_roles_give_signing_to_decision_makers_only(
    editor, decision_maker, monitoring_officer, panel_member
):
    assert decision_maker.has_perm("decisions.sign_decision")
    assert not editor.has_perm("decisions.sign_decision")
    for user in (editor, decision_maker):
        assert user.has_perm("decisions.declare_decision")
        assert user.has_perm("decisions.publish_decision")
        assert user.has_perm("decisions.view_decisionpart2")
        assert user.has_perm("decisions.publish_decisionsreport")
    # The statutory officers read decisions, Part 2 included, and declare; nothing more.
    assert monitoring_officer.has_perm("decisions.declare_decision")
    assert monitoring_officer.has_perm("decisions.view_decisionpart2")
    for permission in ("sign_decision", "publish_decision", "change_decision", "add_decision"):
        assert not monitoring_officer.has_perm(f"decisions.{permission}")
    assert not panel_member.has_perm("decisions.view_decisionpart2")
    assert not panel_member.has_perm("decisions.view_decision")
