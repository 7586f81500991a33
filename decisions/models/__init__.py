"""Decisions of significant public interest, recorded on the decision form.

A ``Decision`` is Part 1 of the form: what the public may read once it is signed and published
(for a restricted decision, only its reference, title, priority and date). ``DecisionPart2`` holds
the exempt detail apart, with its own permission and no public access at all. References
``NN/YYYY`` are numbered per financial year through ``DecisionSequence`` when a decision is signed
(so abandoned drafts leave no gaps) or, where the OPCC numbers its forms when they are raised, when
it is submitted (``DECISION_NUMBERING``). A decision is made by an office (``accounts.Office``):
the holder of that office signs it, after the monitoring officer's and the chief finance officer's
declarations, and the decision keeps each person's name and office as they were that day.
``DecisionsReport`` is the Panel's "decisions made since the last meeting" report, published like
any document.
"""

from .decision import Decision, DecisionQuerySet, PriorityScope
from .files import (
    ATTACHMENT_MAX_BYTES,
    CheckedAttachment,
    DecisionAttachment,
    _attachment_path,
    attachment_storage,
    validate_pdf,
)
from .part2 import DecisionPart2, DecisionPart2QuerySet, Part2Attachment
from .reports import DecisionsReport
from .steps import (
    CHIEF_FINANCE_OFFICER_DECLARATION,
    MONITORING_OFFICER_DECLARATION,
    DecisionSequence,
)

__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "CHIEF_FINANCE_OFFICER_DECLARATION",
    "MONITORING_OFFICER_DECLARATION",
    "CheckedAttachment",
    "Decision",
    "DecisionAttachment",
    "DecisionPart2",
    "DecisionPart2QuerySet",
    "DecisionQuerySet",
    "DecisionSequence",
    "DecisionsReport",
    "Part2Attachment",
    "PriorityScope",
    # The migrations name the attachment fields' upload path by this dotted path.
    "_attachment_path",
    "attachment_storage",
    "validate_pdf",
]
