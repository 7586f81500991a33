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
from .columns import NIL_RETURN, PERIOD, PRIORITY, SAMPLE, Column
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
                Column.text("Office holder", "holder"),
                Column.text("Office", "office"),
                PERIOD,
                Column.choice("Category", "category"),
                Column.or_nil_return("Interest", "description"),
                NIL_RETURN,
                Column.date("Registered", "registered_on"),
                Column.date("Ended", "ended_on"),
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
                Column.date("Date", "offered_on"),
                Column.text("Offered to", "recipient"),
                Column.text("Role", "recipient_role"),
                Column.text("Offered by", "donor"),
                Column.choice("Gift or hospitality", "kind"),
                Column.or_nil_return("Description", "description"),
                Column.amount("Estimated value", "estimated_value"),
                Column.choice("Accepted or declined", "outcome"),
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
                Column.date("Date", "paid_on"),
                Column("Spent by", "spent_by", lambda payment: payment.upload.get_source_display()),
                Column.text("Transaction", "reference", key="transaction"),
                Column.text("Supplier", "supplier"),
                Column.text("Expense type", "expense_type"),
                Column.text("Service area", "service_area"),
                Column.text("Purpose", "purpose"),
                Column.text("Why it is value for money", "value_for_money"),
                PRIORITY,
                Column.amount("Amount", "amount"),
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
                Column.date("Awarded", "awarded_on"),
                Column.text("Recipient", "recipient"),
                Column.text("Fund", "fund"),
                Column.amount("Amount", "amount"),
                Column.text("Purpose", "purpose"),
                Column.text(
                    "Why it is expected to reduce crime and disorder", "crime_reduction_reasons"
                ),
                Column.text("Conditions", "conditions"),
                PRIORITY,
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
                Column.text("Reference", "reference"),
                Column.text("Contract", "title"),
                Column.text("Supplier", "supplier"),
                Column.amount("Value", "value"),
                Column.date("Starts", "starts_on"),
                Column.date("Ends", "ends_on"),
                Column.text("Procured by", "procurement"),
                PRIORITY,
                Column.copy("Copies", "contract_copy_url", ContractCopy.CONTRACT),
                Column.data_only(
                    "Contract copy redacted because", "contract_copy_redacted_because"
                ),
                Column.copy("Invitation to tender", "tender_copy_url", ContractCopy.TENDER),
                Column.data_only(
                    "Invitation to tender redacted because", "tender_copy_redacted_because"
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
                Column.date("Agreed", "agreed_on"),
                Column.text("Reference", "reference"),
                Column.text("Parties", "parties"),
                Column.text("Purpose", "purpose"),
                Column.amount("Value", "value"),
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
    Column.text("Decision", "title"),
    Column.text("Summary", "summary"),
    Column.date("Expected", "expected_on", display=lambda e: f"{e.expected_on:%B %Y}"),
    Column.text("Decision maker", "decision_maker"),
    PRIORITY,
    Column.text("Restriction", "restriction_reason"),
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
        published_records(model=ForwardPlanEntry)
        .annotate(expected=_field("expected_on"))
        .filter(expected__gte=start.isoformat())
        .order_by("expected", "object_id")
    )
    return published_entries(model=ForwardPlanEntry, records=records)
