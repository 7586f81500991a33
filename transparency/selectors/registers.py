"""Every register the public reads, the forward plan included, with its columns, filters and
order."""

from datetime import timedelta

from django.utils import timezone

from ..models import (
    Contract,
    ContractCopy,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    Interest,
    Payment,
    SmallContract,
    SpendingUpload,
)
from .columns import (
    NIL_RETURN,
    PERIOD,
    SAMPLE,
    Column,
    _amount,
    _copy_url,
    _date,
    _display,
    _or_nil_return,
    _priority,
    _show_amount,
    _show_copy,
    _show_date,
    _source,
    _text,
)
from .records import Register, _field, published_entries, published_records

REGISTERS = {
    register.slug: register
    for register in [
        Register(
            slug="interests",
            title="Register of interests",
            singular="interest",
            description="The interests of the Commissioner and the Deputy Commissioner that "
            "might be thought to influence their work.",
            model=Interest,
            date_field="registered_on",
            text_fields=("holder", "description"),
            columns=(
                Column("Office holder", "holder", _text("holder")),
                Column("Office", "office", _text("office")),
                PERIOD,
                Column("Category", "category", _display("category")),
                Column(
                    "Interest", "description", _text("description"), _or_nil_return("description")
                ),
                NIL_RETURN,
                Column(
                    "Registered",
                    "registered_on",
                    _date("registered_on"),
                    _show_date("registered_on"),
                ),
                Column("Ended", "ended_on", _date("ended_on"), _show_date("ended_on")),
                SAMPLE,
            ),
            choice_filters=(("category", "Category", "category", Interest.Category.choices),),
            ordering=("holder", "-financial_year", "category", "-registered_on"),
            year_field="financial_year",
        ),
        Register(
            slug="gifts-and-hospitality",
            title="Gifts and hospitality",
            singular="gift or hospitality",
            plural="gifts or hospitality",
            description="Gifts and hospitality offered to the office holders and staff, and "
            "whether each was accepted or declined.",
            model=GiftHospitality,
            date_field="offered_on",
            text_fields=("recipient", "donor", "description"),
            columns=(
                PERIOD,
                Column("Date", "offered_on", _date("offered_on"), _show_date("offered_on")),
                Column("Offered to", "recipient", _text("recipient")),
                Column("Role", "recipient_role", _text("recipient_role")),
                Column("Offered by", "donor", _text("donor")),
                Column("Gift or hospitality", "kind", _display("kind")),
                Column(
                    "Description",
                    "description",
                    _text("description"),
                    _or_nil_return("description"),
                ),
                Column(
                    "Estimated value",
                    "estimated_value",
                    _amount("estimated_value"),
                    _show_amount("estimated_value"),
                ),
                Column("Accepted or declined", "outcome", _display("outcome")),
                NIL_RETURN,
                SAMPLE,
            ),
            choice_filters=(
                ("outcome", "Accepted or declined", "outcome", GiftHospitality.Outcome.choices),
            ),
            ordering=("-financial_year", "-offered_on"),
            year_field="financial_year",
        ),
        Register(
            slug="spending",
            title="Spending over £500",
            singular="payment",
            description="Every payment over £500 by the Commissioner and by the Chief "
            "Constable, published monthly, with its purpose and why it is value for money. "
            "Payments to individuals are published without their names.",
            model=Payment,
            date_field="paid_on",
            text_fields=("supplier", "expense_type", "service_area", "purpose"),
            columns=(
                Column("Date", "paid_on", _date("paid_on"), _show_date("paid_on")),
                Column("Spent by", "spent_by", _source),
                Column("Transaction", "transaction", _text("reference")),
                Column("Supplier", "supplier", _text("supplier")),
                Column("Expense type", "expense_type", _text("expense_type")),
                Column("Service area", "service_area", _text("service_area")),
                Column("Purpose", "purpose", _text("purpose")),
                Column("Why it is value for money", "value_for_money", _text("value_for_money")),
                Column("Plan priority", "priority", _priority),
                Column("Amount", "amount", _amount("amount"), _show_amount("amount")),
            ),
            choice_filters=(
                ("source", "Spent by", "upload__source", SpendingUpload.Source.choices),
            ),
        ),
        Register(
            slug="grants",
            title="Crime and disorder reduction grants",
            singular="grant",
            description="Each grant the Commissioner makes, with its conditions, why it is "
            "expected to reduce crime and disorder, and the plan priority it serves.",
            model=Grant,
            date_field="awarded_on",
            text_fields=("recipient", "fund", "purpose"),
            columns=(
                Column("Awarded", "awarded_on", _date("awarded_on"), _show_date("awarded_on")),
                Column("Recipient", "recipient", _text("recipient")),
                Column("Fund", "fund", _text("fund")),
                Column("Amount", "amount", _amount("amount"), _show_amount("amount")),
                Column("Purpose", "purpose", _text("purpose")),
                Column(
                    "Why it is expected to reduce crime and disorder",
                    "crime_reduction_reasons",
                    _text("crime_reduction_reasons"),
                ),
                Column("Conditions", "conditions", _text("conditions")),
                Column("Plan priority", "priority", _priority),
                SAMPLE,
            ),
            ordering=("-awarded_on",),
        ),
        Register(
            slug="contracts",
            title="Contracts over £10,000",
            singular="contract",
            description="Each contract worth more than £10,000, with a copy of the contract and "
            "of the invitation to tender (redacted copies say why).",
            model=Contract,
            date_field="starts_on",
            text_fields=("reference", "title", "supplier"),
            columns=(
                Column("Reference", "reference", _text("reference")),
                Column("Contract", "title", _text("title")),
                Column("Supplier", "supplier", _text("supplier")),
                Column("Value", "value", _amount("value"), _show_amount("value")),
                Column("Starts", "starts_on", _date("starts_on"), _show_date("starts_on")),
                Column("Ends", "ends_on", _date("ends_on"), _show_date("ends_on")),
                Column("Procured by", "procurement", _text("procurement")),
                Column("Plan priority", "priority", _priority),
                Column(
                    "Copies",
                    "contract_copy_url",
                    _copy_url(ContractCopy.CONTRACT),
                    _show_copy(ContractCopy.CONTRACT),
                ),
                Column(
                    "Contract copy redacted because",
                    "contract_copy_redacted_because",
                    _text("contract_copy_redacted_because"),
                    lambda e: "",
                ),
                Column(
                    "Invitation to tender",
                    "tender_copy_url",
                    _copy_url(ContractCopy.TENDER),
                    _show_copy(ContractCopy.TENDER),
                ),
                Column(
                    "Invitation to tender redacted because",
                    "tender_copy_redacted_because",
                    _text("tender_copy_redacted_because"),
                    lambda e: "",
                ),
                SAMPLE,
            ),
            ordering=("-starts_on",),
        ),
        Register(
            slug="small-contracts",
            title="Contracts of £10,000 or less",
            singular="contract",
            description="Each contract worth £10,000 or less: its value, the parties to it and "
            "what the money is spent on.",
            model=SmallContract,
            date_field="agreed_on",
            text_fields=("reference", "parties", "purpose"),
            columns=(
                Column("Agreed", "agreed_on", _date("agreed_on"), _show_date("agreed_on")),
                Column("Reference", "reference", _text("reference")),
                Column("Parties", "parties", _text("parties")),
                Column("Purpose", "purpose", _text("purpose")),
                Column("Value", "value", _amount("value"), _show_amount("value")),
                SAMPLE,
            ),
            ordering=("-agreed_on",),
            url_name="transparency:small_contracts",
        ),
    ]
}

# The registers staff edit entry by entry (spending comes in monthly files instead).
EDITABLE = {slug: r for slug, r in REGISTERS.items() if slug != "spending"}


# The forward plan ---------------------------------------------------------------------------

FORWARD_PLAN_COLUMNS = (
    Column("Decision", "title", _text("title")),
    Column("Summary", "summary", _text("summary")),
    Column("Expected", "expected_on", _date("expected_on"), lambda e: f"{e.expected_on:%B %Y}"),
    Column("Decision maker", "decision_maker", _text("decision_maker")),
    Column("Plan priority", "priority", _priority),
    Column("Restriction", "restriction_reason", _text("restriction_reason")),
    Column("Decision made", "decision", lambda e: str(e.signed_decision or "")),
)

# The forward plan as a register: its page is the forward plan's own, under the decisions, so
# it is not one of REGISTERS' pages.
FORWARD_PLAN = Register(
    slug="forward-plan",
    title="Forward plan",
    singular="decision expected",
    description="Decisions of significant public interest the Commissioner expects to make, "
    "and the decisions they became.",
    model=ForwardPlanEntry,
    date_field="expected_on",
    text_fields=("title", "summary", "decision_maker"),
    columns=FORWARD_PLAN_COLUMNS,
    ordering=("expected_on",),
    url_name="transparency:forward_plan",
)
# Every register, the forward plan's included: the API lists them, and a release's check page
# and an import read their columns.
ALL_REGISTERS = {**REGISTERS, FORWARD_PLAN.slug: FORWARD_PLAN}


def forward_plan(*, today=None):
    """Released entries expected from the start of last month on, soonest first, each as its
    release froze it, and for six months more those whose decision has been made, with its
    notice."""
    today = today or timezone.localdate()
    start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    records = (
        published_records(ForwardPlanEntry)
        .annotate(expected=_field("expected_on"))
        .filter(expected__gte=start.isoformat())
        .order_by("expected", "object_id")
    )
    return published_entries(ForwardPlanEntry, records)
