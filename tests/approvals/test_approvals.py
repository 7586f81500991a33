"""Approvals instead of dead ends (issue "Separation of duties", item 4): an editor who may not
publish a plan or a quarterly report, or release a quarter's figures, sees who may and asks them;
the approver has a queue and an email; approving is publishing, through the same check page;
returning sends the reason back; a request is withdrawn by the one who asked, and flagged when
what it names changed since."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from pcc_portal.accounts import roles
from pcc_portal.approvals import services
from pcc_portal.approvals.models import ApprovalRequest
from pcc_portal.errors import InvalidTransition, NotPermitted
from pcc_portal.publications.models import Version
from performance import services as performance
from performance.models import FiguresRelease
from tests.accounts.factories import UserFactory, commissioner_user, reauthenticate
from tests.approvals.conftest import Q1_2022
from tests.performance.factories import QuarterlyReportFactory
from tests.performance.helpers import report_publish_data
from tests.plans.factories import MeasureFactory, PlanFactory

pytestmark = pytest.mark.django_db

Status = ApprovalRequest.Status


def _ask_url(kind, key):
    return reverse("approvals:ask", kwargs={"kind": kind, "key": key})


def _ask(client, user, kind, key, note="Ready for publication: the Q2 figures are checked."):
    client.force_login(user)
    return client.post(_ask_url(kind, key), {"note": note})


def _publish(client, obj_url, note="Published after approval"):
    # A plan's check page also asks the date of the step that publishes it (a variation here),
    # and why a variation made without consulting again is minor.
    data = {"change_note": note, "confirm": "on", "date": "2021-12-06"}
    data["minor_reason"] = "Corrects a figure; no objective changes."
    return client.post(obj_url, data)


def _plan_publish_url(plan):
    return reverse("plans_manage:publish", kwargs={"pk": plan.pk})


# --- the dead end, and who may approve --------------------------------------------------------
def test_an_editor_sees_who_may_publish_a_plan_and_a_way_to_ask(client, plan, editor):
    commissioner = commissioner_user("the-commissioner")
    client.force_login(editor)
    html = client.get(plan.get_manage_url()).content.decode()
    assert "You cannot publish this plan yourself" in html
    approvers = html.split('id="approvers"')[1].split("</ul>")[0]
    assert f"{commissioner.get_full_name()} (Police and Crime Commissioner)" in approvers
    assert editor.get_full_name() not in approvers
    assert "Ask for approval to publish" in html


def test_a_decision_maker_is_not_offered_to_ask(client, plan, decision_maker):
    client.force_login(decision_maker)
    html = client.get(plan.get_manage_url()).content.decode()
    assert "Check and publish" in html
    assert "Ask for approval" not in html


# --- who may ask ------------------------------------------------------------------------------
def test_an_editor_asks_and_every_approver_is_emailed(client, plan, editor, decision_maker):
    deputy = commissioner_user("deputy-approver")
    response = _ask(client, editor, "plan", plan.pk)
    assert response.status_code == 302 and response["Location"] == plan.get_manage_url()
    approval = ApprovalRequest.objects.get()
    assert approval.status == Status.PENDING and approval.requested_by == editor
    assert approval.content_object == plan and approval.kind == "plan"
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == sorted([decision_maker.email, deputy.email])
    assert "Ready for publication" in mail.outbox[0].body
    assert approval.get_absolute_url() in mail.outbox[0].body


def test_one_who_may_publish_is_told_to_publish_it_instead(plan, decision_maker):
    with pytest.raises(NotPermitted, match="yourself"):
        services.request_approval(obj=plan, by=decision_maker, note="Please")


@pytest.mark.parametrize("role", [roles.STATUTORY_OFFICER, roles.PANEL_MEMBER, None])
def test_one_who_may_not_edit_it_may_not_ask(client, plan, role):
    user = UserFactory(username="outsider", roles=[role] if role else [])
    assert _ask(client, user, "plan", plan.pk).status_code == 403
    with pytest.raises(NotPermitted):
        services.request_approval(obj=plan, by=user, note="Please")
    assert not ApprovalRequest.objects.exists()


def test_the_note_is_required_and_shown_again_beside_the_field(client, plan, editor):
    response = _ask(client, editor, "plan", plan.pk, note="  ")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and 'href="#id_note"' in html
    assert "the note is required" in html
    assert not ApprovalRequest.objects.exists()


def test_only_one_request_is_pending_at_a_time(client, plan, editor):
    _ask(client, editor, "plan", plan.pk)
    other = UserFactory(username="editor-2", roles=[roles.EDITOR])
    response = _ask(client, other, "plan", plan.pk)
    assert response.status_code == 400
    assert "already asked for" in response.content.decode()
    assert ApprovalRequest.objects.count() == 1


def test_a_plan_that_cannot_be_published_yet_cannot_be_asked_for(client, editor):
    from tests.plans.factories import PlanFactory

    draft = PlanFactory(slug="draft-plan")  # not yet sent to the Panel
    with pytest.raises(InvalidTransition, match="published when it is issued"):
        services.request_approval(obj=draft, by=editor, note="Please")


# --- the approver's queue ---------------------------------------------------------------------
def test_the_approver_has_a_queue_on_the_dashboard_and_the_editor_sees_theirs(
    client, plan, editor, decision_maker
):
    _ask(client, editor, "plan", plan.pk)
    approval = ApprovalRequest.objects.get()
    html = client.get(reverse("manage:dashboard")).content.decode()
    assert "Your requests" in html and approval.get_absolute_url() in html
    client.force_login(decision_maker)
    html = client.get(reverse("manage:dashboard")).content.decode()
    queue = html.split('id="approval-queue"')[1].split("</ul>")[0]
    assert plan.publication_title() in queue and str(editor) in queue
    secretary = UserFactory(username="secretary", roles=[roles.PANEL_SECRETARY])
    client.force_login(secretary)
    assert 'id="approval-queue"' not in client.get(reverse("manage:dashboard")).content.decode()


# --- approving is publishing -------------------------------------------------------------------
def test_publishing_through_the_check_page_approves_the_request(
    client, plan, editor, decision_maker
):
    _ask(client, editor, "plan", plan.pk)
    mail.outbox.clear()
    client.force_login(decision_maker)
    reauthenticate(client)
    check = client.get(_plan_publish_url(plan)).content.decode()
    assert f"approves the request of {editor}" in check
    response = _publish(client, _plan_publish_url(plan))
    assert response.status_code == 302
    approval = ApprovalRequest.objects.get()
    assert approval.status == Status.APPROVED and approval.decided_by == decision_maker
    assert Version.objects.for_object(plan).count() == 2  # issued, then this one
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "approved" in mail.outbox[0].body
    assert approval.history.first().history_change_reason.startswith("Approved")


def test_the_one_who_asked_may_not_approve_their_own_request(client, plan, editor):
    _ask(client, editor, "plan", plan.pk)
    editor.groups.add(*roles_group(roles.DECISION_MAKER))  # given the right to publish since
    versions = Version.objects.for_object(plan).count()
    reauthenticate(client)
    response = _publish(client, _plan_publish_url(plan))
    assert response.status_code == 400
    assert "someone else must approve" in response.content.decode()
    assert Version.objects.for_object(plan).count() == versions  # nothing published
    assert ApprovalRequest.objects.get().status == Status.PENDING


def roles_group(name):
    from django.contrib.auth.models import Group

    return [Group.objects.get(name=name)]


# --- returning --------------------------------------------------------------------------------
def test_returning_sends_the_reason_back_by_email_and_on_the_plans_page(
    client, plan, editor, decision_maker
):
    _ask(client, editor, "plan", plan.pk)
    approval = ApprovalRequest.objects.get()
    mail.outbox.clear()
    client.force_login(decision_maker)
    url = reverse("approvals:return", kwargs={"pk": approval.pk})
    response = client.post(url, {"reason": "Priority 2's measures are missing their targets."})
    assert response.status_code == 302
    approval.refresh_from_db()
    assert approval.status == Status.RETURNED and approval.decided_by == decision_maker
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "missing their targets" in mail.outbox[0].body
    client.force_login(editor)
    html = client.get(plan.get_manage_url()).content.decode()
    assert "Returned" in html and "missing their targets" in html
    assert "Ask for approval to publish" in html  # and may ask again


def test_a_return_needs_a_reason_shown_beside_the_field(client, plan, editor, decision_maker):
    _ask(client, editor, "plan", plan.pk)
    approval = ApprovalRequest.objects.get()
    client.force_login(decision_maker)
    response = client.post(reverse("approvals:return", kwargs={"pk": approval.pk}), {"reason": ""})
    assert response.status_code == 400
    assert 'href="#id_reason"' in response.content.decode()
    approval.refresh_from_db()
    assert approval.status == Status.PENDING


def test_the_one_who_asked_and_editors_may_not_return_it(client, plan, editor):
    _ask(client, editor, "plan", plan.pk)
    approval = ApprovalRequest.objects.get()
    url = reverse("approvals:return", kwargs={"pk": approval.pk})
    assert client.post(url, {"reason": "No"}).status_code == 403
    editor.groups.add(*roles_group(roles.DECISION_MAKER))
    with pytest.raises(NotPermitted, match="someone else"):
        services.return_request(approval=approval, by=editor, reason="No")


def test_a_request_this_user_may_not_see_is_not_found(client, plan, editor, panel_secretary):
    # As every object a user may not see: 404, which does not say that it exists.
    _ask(client, editor, "plan", plan.pk)
    approval = ApprovalRequest.objects.get()
    client.force_login(panel_secretary)
    assert client.get(reverse("approvals:detail", kwargs={"pk": approval.pk})).status_code == 404
    for name in ("approvals:return", "approvals:withdraw"):
        assert client.post(reverse(name, kwargs={"pk": approval.pk})).status_code == 404, name


# --- withdrawing ------------------------------------------------------------------------------
def test_the_one_who_asked_withdraws_it_and_nobody_else_may(client, plan, editor, decision_maker):
    _ask(client, editor, "plan", plan.pk)
    approval = ApprovalRequest.objects.get()
    url = reverse("approvals:withdraw", kwargs={"pk": approval.pk})
    client.force_login(decision_maker)
    assert client.post(url).status_code == 403
    client.force_login(editor)
    assert client.post(url).status_code == 302
    approval.refresh_from_db()
    assert approval.status == Status.WITHDRAWN
    assert not ApprovalRequest.objects.approvable_by(decision_maker).exists()
    with pytest.raises(InvalidTransition):
        services.withdraw_request(approval=approval, by=editor)


# --- stale requests ---------------------------------------------------------------------------
def test_a_request_whose_plan_changed_since_is_flagged(client, plan, editor, decision_maker):
    _ask(client, editor, "plan", plan.pk)
    approval = ApprovalRequest.objects.get()
    assert not approval.is_stale()
    plan.summary = "A different summary, written after approval was asked for."
    plan.save()
    assert approval.is_stale()
    client.force_login(decision_maker)
    html = client.get(approval.get_absolute_url()).content.decode()
    assert "Changed since" in html
    assert "Changed since" in client.get(_plan_publish_url(plan)).content.decode()


# --- quarterly reports ------------------------------------------------------------------------
def test_a_quarterly_report_is_asked_for_and_approved_by_publishing_it(
    client, report, editor, decision_maker
):
    client.force_login(editor)
    html = client.get(report.get_manage_url()).content.decode()
    assert "You cannot publish this quarterly report yourself" in html
    assert _ask(client, editor, "quarterly-report", report.pk).status_code == 302
    client.force_login(decision_maker)
    reauthenticate(client)
    url = reverse("performance_manage:report_publish", kwargs={"pk": report.pk})
    assert client.post(url, report_publish_data(client, url)).status_code == 302
    approval = ApprovalRequest.objects.get()
    assert approval.status == Status.APPROVED and approval.content_object == report
    assert Version.objects.for_object(report).exists()


# --- a quarter's figures ----------------------------------------------------------------------
def test_a_quarters_figures_are_asked_for_and_approved_by_releasing_them(
    client, figure, editor, decision_maker
):
    page = reverse("performance_manage:release_quarter", args=[Q1_2022.slug])
    client.force_login(editor)
    html = client.get(page).content.decode()
    assert "You cannot release this quarter&#x27;s figures yourself" in html
    assert str(decision_maker) in html.split('id="approvers"')[1]
    assert _ask(client, editor, "figures", Q1_2022.slug).status_code == 302
    approval = ApprovalRequest.objects.get()
    assert approval.content_object == FiguresRelease.objects.get(period_start=Q1_2022.start)
    assert [message.to for message in mail.outbox] == [[decision_maker.email]]
    mail.outbox.clear()
    client.force_login(decision_maker)
    reauthenticate(client)
    reviewed = client.get(page).context["reviewed"]
    response = client.post(
        reverse("performance_manage:release", args=[Q1_2022.slug]), {"reviewed": reviewed}
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.is_released
    approval.refresh_from_db()
    assert approval.status == Status.APPROVED and approval.decided_by == decision_maker
    assert [message.to for message in mail.outbox] == [[editor.email]]


def _publish_report_of(client, report):
    url = reverse("performance_manage:report_publish", kwargs={"pk": report.pk})
    return client.post(url, report_publish_data(client, url))


def test_publishing_the_report_that_releases_the_figures_asked_for_approves_the_request(
    client, figure, editor, decision_maker
):
    approval = services.request_approval(
        obj=FiguresRelease(period_start=Q1_2022.start), by=editor, note="Q1 is ready"
    )
    report = QuarterlyReportFactory(plan=figure.measure.plan, financial_year=2022, quarter=1)
    mail.outbox.clear()
    client.force_login(decision_maker)
    reauthenticate(client)
    assert _publish_report_of(client, report).status_code == 302
    figure.refresh_from_db()
    assert figure.is_released
    approval.refresh_from_db()
    assert approval.status == Status.APPROVED and approval.decided_by == decision_maker
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_the_one_who_asked_for_the_figures_cannot_release_them_by_publishing_the_report(
    client, figure, editor
):
    approval = services.request_approval(
        obj=FiguresRelease(period_start=Q1_2022.start), by=editor, note="Q1 is ready"
    )
    report = QuarterlyReportFactory(plan=figure.measure.plan, financial_year=2022, quarter=1)
    # Made a decision maker since asking: they still may not settle their own request.
    editor.groups.add(Group.objects.get(name=roles.DECISION_MAKER))
    client.force_login(editor)
    reauthenticate(client)
    response = _publish_report_of(client, report)
    assert response.status_code == 400
    assert "You asked for this approval" in response.content.decode()
    figure.refresh_from_db()
    assert not figure.is_released
    assert not Version.objects.for_object(report).exists()
    approval.refresh_from_db()
    assert approval.is_pending


def test_a_request_for_a_quarters_figures_waits_while_another_plans_figures_await_release(
    client, figure, editor, decision_maker
):
    other_plan = PlanFactory()
    other_measure = MeasureFactory(plan=other_plan, unit="%", direction="improve")
    other = performance.record_figure(
        measure=other_measure, period=Q1_2022, value=Decimal(40), by=editor
    )
    approval = services.request_approval(
        obj=FiguresRelease(period_start=Q1_2022.start), by=editor, note="Q1 is ready"
    )
    report = QuarterlyReportFactory(plan=figure.measure.plan, financial_year=2022, quarter=1)
    client.force_login(decision_maker)
    reauthenticate(client)
    assert _publish_report_of(client, report).status_code == 302
    figure.refresh_from_db()
    other.refresh_from_db()
    assert figure.is_released and not other.is_released
    approval.refresh_from_db()
    assert approval.is_pending


def test_figures_asked_for_then_changed_are_flagged(figure, measure, editor):
    approval = services.request_approval(
        obj=FiguresRelease(period_start=Q1_2022.start), by=editor, note="Q1 is ready"
    )
    assert not approval.is_stale()
    performance.record_figure(measure=measure, period=Q1_2022, value=Decimal(65), by=editor)
    assert approval.is_stale()


def test_a_quarter_with_nothing_awaiting_release_cannot_be_asked_for(client, measure, editor):
    response = _ask(client, editor, "figures", Q1_2022.slug)
    assert response.status_code == 400
    assert "No figures for 2022-23 Q1 are waiting" in response.content.decode()
    assert not FiguresRelease.objects.exists()
