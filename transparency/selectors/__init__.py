"""Reads for the transparency hub: the index with each item's freshness, and the registers as
filtered tables for the public pages and their CSV and JSON."""

from .columns import NIL_RETURN, PERIOD, SAMPLE, Column
from .index import (
    PEEL_ITEM,
    RESPONSES_ITEM,
    IndexRow,
    IndexSection,
    dashboard_attention,
    index_rows,
    index_sections,
    status_counts,
)
from .records import (
    Register,
    compared_records,
    published_entries,
    published_records,
    register_total,
)
from .registers import (
    ALL_REGISTERS,
    EDITABLE,
    FORWARD_PLAN,
    FORWARD_PLAN_COLUMNS,
    REGISTERS,
    forward_plan,
)
from .review import release_review

__all__ = [
    "ALL_REGISTERS",
    "EDITABLE",
    "FORWARD_PLAN",
    "FORWARD_PLAN_COLUMNS",
    "NIL_RETURN",
    "PEEL_ITEM",
    "PERIOD",
    "REGISTERS",
    "RESPONSES_ITEM",
    "SAMPLE",
    "Column",
    "IndexRow",
    "IndexSection",
    "Register",
    "compared_records",
    "forward_plan",
    "dashboard_attention",
    "index_rows",
    "index_sections",
    "published_entries",
    "published_records",
    "register_total",
    "release_review",
    "status_counts",
]
