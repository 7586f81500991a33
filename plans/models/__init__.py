"""Police and crime plans: a Commissioner's objectives for a term, as structured content.

The core every other app links to: a ``Plan`` has numbered ``Priority`` objects and ``Measure``
objects (attached to a priority or to a cross-cutting theme). Around them: ordered ``Section``
objects, each priority's ``Commitment`` ("what I will do", with delivery progress) and
``AccountabilityItem`` ("I will hold the Chief Constable to account for") lists, finance rows
(``RevenueFigure``, ``CapitalLine``), and the statutory lifecycle as ``LifecycleStep`` records.
"""

from .delivery import DeliveryReport, ProgressNote
from .finance import CapitalLine, RevenueFigure, financial_year_validator, format_pounds
from .lifecycle import (
    DRAFTING_STAGES,
    IN_FORCE_NEXT_STAGES,
    IN_FORCE_STAGES,
    NEXT_STAGES,
    PUBLISH,
    PUBLISHABLE_STAGES,
    PUBLISHING_STAGES,
    STEP_PERMISSIONS,
    Stage,
)
from .measures import Measure
from .parts import (
    MARKDOWN_HELP,
    AccountabilityItem,
    Commitment,
    OrderedQuerySet,
    Priority,
    PriorityListItem,
    Section,
    nest_headings,
    plan_priorities,
    render_part_markdown,
)
from .plan import LifecycleStep, Plan, PlanQuerySet, PublishedPart

__all__ = [
    "DRAFTING_STAGES",
    "IN_FORCE_NEXT_STAGES",
    "IN_FORCE_STAGES",
    "MARKDOWN_HELP",
    "NEXT_STAGES",
    "PUBLISH",
    "PUBLISHABLE_STAGES",
    "PUBLISHING_STAGES",
    "STEP_PERMISSIONS",
    "AccountabilityItem",
    "CapitalLine",
    "Commitment",
    "DeliveryReport",
    "LifecycleStep",
    "Measure",
    "OrderedQuerySet",
    "Plan",
    "PlanQuerySet",
    "Priority",
    "PriorityListItem",
    "ProgressNote",
    "PublishedPart",
    "RevenueFigure",
    "Section",
    "Stage",
    "financial_year_validator",
    "format_pounds",
    "nest_headings",
    "plan_priorities",
    "render_part_markdown",
]
