"""Who may reach each plans URL: the public pages, and the staff editor by permission."""

from plans.models import Stage
from tests.access import AccessRule, CheckPage
from tests.plans.factories import CommitmentFactory, PlanFactory, PriorityFactory, SectionFactory
from tests.plans.helpers import issue


def _published_kwargs():
    plan = PlanFactory(slug="lancashire-plan")
    PriorityFactory(plan=plan, number=1, title="Getting tough on anti-social behaviour")
    issue(plan)
    return {"slug": plan.slug}


def _draft():
    plan = PlanFactory(slug="draft-plan")
    SectionFactory(plan=plan)
    return plan


class TestPlanListAccess(AccessRule):
    url_name = "plans:list"


class TestPlanDetailAccess(AccessRule):
    url_name = "plans:detail"

    def make_url_kwargs(self):
        return _published_kwargs()


class TestPlanPdfAccess(TestPlanDetailAccess):
    url_name = "plans:pdf"


class TestPlanVersionPdfAccess(AccessRule):
    url_name = "plans:version_pdf"

    def make_url_kwargs(self):
        return {**_published_kwargs(), "number": 1}


class TestPlanPriorityAccess(AccessRule):
    url_name = "plans:priority"

    def make_url_kwargs(self):
        return {**_published_kwargs(), "number": 1}


class TestPlanCommitmentsAccess(TestPlanDetailAccess):
    url_name = "plans:commitments"


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
    url_name = "plans_manage:preview"
    access = "plans.view_plan"


class TestManagePlanPreviewPdfAccess(TestManagePlanDetailAccess):
    url_name = "plans_manage:preview_pdf"
    access = "plans.view_plan"


class TestManagePlanStepAccess(TestManagePlanDetailAccess):
    url_name = "plans_manage:step"
    access = "plans.change_plan"
    method = "post"
    data = {"stage": Stage.CONSULTED, "date": "2021-09-01", "note": "Consulted."}
    allowed_status = (302,)


class TestManagePlanPublishAccess(AccessRule):
    url_name = "plans_manage:publish"
    access = "plans.publish_plan"
    method = "post"
    data = {
        "change_note": "Corrected a figure.",
        "date": "2022-03-01",
        "minor_reason": "A typing error.",
        "confirm": "on",
    }
    allowed_status = (302,)

    def make_url_kwargs(self):
        plan = PlanFactory(slug="issued-plan")
        PriorityFactory(plan=plan, number=1)
        issue(plan)
        return {"pk": plan.pk}


class TestManagePlanPublishCheckAccess(CheckPage, TestManagePlanPublishAccess):
    """The check page shown before publishing."""


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


class TestManagePartDeleteAccess(TestManagePartEditAccess):
    url_name = "plans_manage:part_delete"
    access = "plans.change_plan"


class TestManagePartMoveAccess(TestManagePartEditAccess):
    url_name = "plans_manage:part_move"
    access = "plans.change_plan"
    method = "post"
    data = {"direction": "down"}
    allowed_status = (302,)


class TestManagePlanDeleteAccess(TestManagePlanDetailAccess):
    url_name = "plans_manage:delete"
    access = "plans.delete_plan"


def _released_delivery_kwargs():
    from plans import services
    from tests.accounts.factories import UserFactory
    from tests.plans.helpers import render_version

    kwargs = _published_kwargs()
    plan = PlanFactory._meta.model.objects.get(slug=kwargs["slug"])
    version = services.release_delivery_update(
        plan=plan, by=UserFactory(username="delivery-publisher"), note="Progress to March"
    )
    render_version(version)
    return kwargs


class TestPlanDeliveryPdfAccess(AccessRule):
    url_name = "plans:delivery_pdf"

    def make_url_kwargs(self):
        return _released_delivery_kwargs()


class TestManagePlanDeliveryAccess(AccessRule):
    url_name = "plans_manage:delivery"
    access = "plans.view_plan"

    def make_url_kwargs(self):
        plan = PlanFactory(slug="delivery-plan")
        PriorityFactory(plan=plan, number=1)
        issue(plan)
        return {"pk": plan.pk}


class TestManagePlanDeliveryPublishAccess(AccessRule):
    url_name = "plans_manage:delivery_publish"
    access = "plans.publish_deliveryreport"

    def make_url_kwargs(self):
        plan = PlanFactory(slug="delivery-publish-plan")
        PriorityFactory(plan=plan, number=1)
        issue(plan)
        return {"pk": plan.pk}
