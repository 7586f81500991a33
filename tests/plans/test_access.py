"""Who may reach each plans URL: the public pages, and the staff editor by permission."""

from plans.models import Stage
from tests.access import AccessRule, PostAction, PublishAction, RemoveAction
from tests.plans.factories import CommitmentFactory, PlanFactory, PriorityFactory, SectionFactory
from tests.plans.helpers import issue


def _issued():
    """A plan with one priority, issued: published on the public site."""
    plan = PlanFactory(slug="lancashire-plan")
    PriorityFactory(plan=plan, number=1, title="Getting tough on anti-social behaviour")
    issue(plan)
    return plan


def _published_kwargs():
    return {"slug": _issued().slug}


def _draft():
    plan = PlanFactory(slug="draft-plan")
    SectionFactory(plan=plan)
    return plan


class TestPlanListAccess(AccessRule):
    url_name = "plans:list"


class TestPlanDetailAccess(AccessRule):
    url_names = ("plans:detail", "plans:pdf", "plans:commitments")

    def make_url_kwargs(self):
        return _published_kwargs()


class TestPlanNumberedAccess(AccessRule):
    """A version, and a priority: each number 1."""

    url_names = ("plans:version_pdf", "plans:priority")

    def make_url_kwargs(self):
        return {**_published_kwargs(), "number": 1}


class TestManagePlanListAccess(AccessRule):
    url_name = "plans_manage:list"
    access = "plans.view_plan"


class TestManagePlanCreateAccess(AccessRule):
    url_name = "plans_manage:create"
    access = "plans.add_plan"


class TestManagePlanDetailAccess(AccessRule):
    url_name = "plans_manage:detail"
    access = "plans.view_plan"

    def make_url_kwargs(self):
        return {"pk": _draft().pk}


class TestManagePlanEditAccess(TestManagePlanDetailAccess):
    url_name = "plans_manage:edit"
    access = "plans.change_plan"


class TestManagePlanPreviewAccess(TestManagePlanDetailAccess):
    url_names = ("plans_manage:preview", "plans_manage:preview_pdf")


class TestManagePlanStepAccess(PostAction, TestManagePlanDetailAccess):
    url_name = "plans_manage:step"
    access = "plans.change_plan"
    data = {"stage": Stage.CONSULTED, "date": "2021-09-01", "note": "Consulted."}


class TestManagePlanPublishAccess(PublishAction, AccessRule):
    url_name = "plans_manage:publish"
    access = "plans.publish_plan"
    data = {
        "change_note": "Corrected a figure.",
        "date": "2022-03-01",
        "minor_reason": "A typing error.",
        "confirm": "on",
    }

    def make_url_kwargs(self):
        return {"pk": _issued().pk}


class TestManagePlanCopyAccess(TestManagePlanDetailAccess):
    url_name = "plans_manage:copy"
    access = "plans.add_plan"


class TestManagePriorityAccess(AccessRule):
    url_name = "plans_manage:priority"
    access = "plans.view_plan"

    def make_url_kwargs(self):
        priority = PriorityFactory(plan=_draft(), number=1)
        return {"pk": priority.plan_id, "number": 1}


class TestManageProgressAccess(AccessRule):
    url_name = "plans_manage:progress"
    access = "plans.change_plan"

    def make_url_kwargs(self):
        commitment = CommitmentFactory(priority=PriorityFactory(plan=_draft(), number=1))
        return {"pk": commitment.priority.plan_id, "item": commitment.pk}


class TestManagePartCreateAccess(AccessRule):
    url_name = "plans_manage:part_create"
    access = "plans.change_plan"

    def make_url_kwargs(self):
        return {"pk": _draft().pk, "kind": "sections"}


class TestManagePartEditAccess(AccessRule):
    url_name = "plans_manage:part_edit"
    access = "plans.change_plan"

    def make_url_kwargs(self):
        section = _draft().sections.get()
        return {"pk": section.plan_id, "kind": "sections", "item": section.pk}


class TestManagePartDeleteAccess(RemoveAction, TestManagePartEditAccess):
    url_name = "plans_manage:part_delete"
    access = "plans.change_plan"


class TestManagePartMoveAccess(PostAction, TestManagePartEditAccess):
    url_name = "plans_manage:part_move"
    access = "plans.change_plan"
    data = {"direction": "down"}


class TestManagePlanDeleteAccess(RemoveAction, TestManagePlanDetailAccess):
    url_name = "plans_manage:delete"
    access = "plans.delete_plan"


def _released_delivery_kwargs():
    from plans import services
    from tests.accounts.factories import UserFactory
    from tests.plans.helpers import render_version

    plan = _issued()
    version = services.release_delivery_update(
        plan=plan, by=UserFactory(username="delivery-publisher"), note="Progress to March"
    )
    render_version(version)
    return {"slug": plan.slug}


class TestPlanDeliveryPdfAccess(AccessRule):
    url_name = "plans:delivery_pdf"

    def make_url_kwargs(self):
        return _released_delivery_kwargs()


class TestManagePlanDeliveryAccess(AccessRule):
    url_name = "plans_manage:delivery"
    access = "plans.view_plan"

    def make_url_kwargs(self):
        return {"pk": _issued().pk}


class TestManagePlanDeliveryPublishAccess(TestManagePlanDeliveryAccess):
    url_name = "plans_manage:delivery_publish"
    access = "plans.publish_deliveryreport"
