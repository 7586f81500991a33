"""Reads for plans: the structured contents a plan renders from, and its published parts."""

from .contents import (
    CapitalTable,
    MeasureGroup,
    capital_table,
    commitment_counts,
    current_plan,
    dashboard_attention,
    measure_groups,
    plan_contents,
    plan_priorities,
    public_versions,
    published_part,
    staff_plans,
)
from .deletion import deletion_blockers, plan_deletion_refusal
from .delivery import (
    delivery_contents,
    delivery_review,
    delivery_update_refusal,
    released_deliveries,
    released_delivery,
    released_statuses,
)
from .published import (
    PublishedPlan,
    public_measure_ids,
    published_measure,
    published_priorities,
    show_published_priorities,
)
from .steps import pending_variation_steps, plan_review, plans_superseded_by, public_steps

__all__ = [
    "CapitalTable",
    "MeasureGroup",
    "PublishedPlan",
    "capital_table",
    "commitment_counts",
    "current_plan",
    "dashboard_attention",
    "deletion_blockers",
    "delivery_contents",
    "delivery_review",
    "delivery_update_refusal",
    "measure_groups",
    "pending_variation_steps",
    "plan_contents",
    "plan_deletion_refusal",
    "plan_priorities",
    "plan_review",
    "plans_superseded_by",
    "public_measure_ids",
    "public_steps",
    "public_versions",
    "published_measure",
    "published_part",
    "published_priorities",
    "released_deliveries",
    "released_delivery",
    "released_statuses",
    "show_published_priorities",
    "staff_plans",
]
