"""What staff do to a decision: submit it, make the monitoring officer's and the chief finance
officer's declarations, sign, publish, reject, withdraw; continue the numbering; remind about
publication deadlines. Each step checks the current state and raises ``InvalidTransition``
otherwise, checks who may take it (``duties``) and raises ``NotPermitted`` with the reason, runs in
one transaction, and records who did it, in which office, and when.
"""

from .common import Status
from .drafts import add_attachment, add_part2_attachment, remove_attachment, save_part2
from .numbering import continue_numbering, numbering_at_raise
from .reporting import prepare_decisions_report, send_publication_reminders
from .workflow import (
    declare_decision,
    declare_decision_finance,
    missing_for_submission,
    publish_decision,
    reject_decision,
    return_to_draft,
    sign_decision,
    submit_decision,
    withdraw_decision,
)

__all__ = [
    "Status",
    "add_attachment",
    "add_part2_attachment",
    "continue_numbering",
    "declare_decision",
    "declare_decision_finance",
    "missing_for_submission",
    "numbering_at_raise",
    "prepare_decisions_report",
    "publish_decision",
    "reject_decision",
    "remove_attachment",
    "return_to_draft",
    "save_part2",
    "send_publication_reminders",
    "sign_decision",
    "submit_decision",
    "withdraw_decision",
]
