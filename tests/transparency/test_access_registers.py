"""Access rules for the registers' newer addresses: the list of contracts of £10,000 or less, a
released contract's copies, and the forward plan's data."""

from tests.access import AccessRule


class TestSmallContractsAccess(AccessRule):
    url_name = "transparency:small_contracts"


class TestContractCopyAccess(AccessRule):
    url_name = "transparency:contract_copy"
    url_kwargs = {"pk": 999999, "kind": "contract"}
    allowed_status = (404,)  # released copies: test_registers_copies_and_exports


class TestForwardPlanCsvAccess(AccessRule):
    url_name = "transparency:forward_plan_csv"


class TestForwardPlanJsonAccess(AccessRule):
    url_name = "transparency:forward_plan_json"
