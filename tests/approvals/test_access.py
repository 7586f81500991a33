"""Who may use each approvals page."""

import pytest

from pcc_portal.approvals.models import ApprovalRequest
from tests.access import AccessRule, PostAction
from tests.accounts.factories import UserFactory
from tests.plans.factories import PlanFactory


def _request(requested_by=None):
    plan = PlanFactory(slug="approval-access-plan")
    return ApprovalRequest.objects.create(
        kind="plan",
        content_object=plan,
        title=str(plan),
        note="Ready",
        fingerprint="0" * 64,
        requested_by=requested_by or UserFactory(username="asking-editor"),
    )


class TestApprovalListAccess(AccessRule):
    url_name = "approvals:list"
    access = "accounts.access_manage"


class TestApprovalAskAccess(AccessRule):
    url_name = "approvals:ask"
    access = "plans.change_plan"

    def make_url_kwargs(self):
        return {"kind": "plan", "key": PlanFactory(slug="approval-ask-plan").pk}


class TestApprovalDetailAccess(AccessRule):
    url_names = ("approvals:detail", "approvals:return")
    access = "plans.publish_plan"
    denied_status = 404  # a request this account may not see: not found

    def make_url_kwargs(self):
        return {"pk": _request().pk}


class TestApprovalWithdrawAccess(PostAction, AccessRule):
    """Only the one who asked: the permitted user here is the one who asked."""

    url_name = "approvals:withdraw"
    access = "plans.change_plan"
    denied_status = 404  # a request this account may not see: not found

    def make_url_kwargs(self):
        return {"pk": _request(UserFactory(username="permitted")).pk}


@pytest.mark.django_db
def test_an_approval_request_names_one_of_the_kinds():
    assert {choice for choice, _ in ApprovalRequest._meta.get_field("kind").choices} == {
        "plan",
        "quarterly-report",
        "figures",
    }
