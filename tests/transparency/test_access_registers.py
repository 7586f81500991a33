"""Access rules for the newer transparency addresses: the list of contracts of £10,000 or less,
a released contract's copies, the forward plan's data, and recording an HMICFRS report."""

from tests.access import AccessRule


class TestListsAccess(AccessRule):
    url_names = (
        "transparency:small_contracts",
        "transparency:forward_plan_csv",
        "transparency:forward_plan_json",
    )


class TestContractCopyAccess(AccessRule):
    url_name = "transparency:contract_copy"
    url_kwargs = {"pk": 999999, "kind": "contract"}
    allowed_status = (404,)  # released copies: test_registers_copies_and_exports


class TestInspectionCreateAccess(AccessRule):
    url_name = "transparency_manage:inspection_create"
    access = "transparency.add_inspectionreport"
    method = "post"
    allowed_status = (400,)  # nothing filled in: the item's page again, with the errors

    def make_url_kwargs(self):
        from transparency import selectors
        from transparency.models import SpecifiedItem

        return {"pk": SpecifiedItem.objects.get(code=selectors.PEEL_ITEM).pk}
