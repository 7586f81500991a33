"""Actions on the transparency hub: publishing documents and register entries, reviewing and
releasing a month's spending file, reminding officers of items falling due, and email alerts.

Each is one transaction; the search index changes in the same transaction as what it indexes.
"""

from pcc_portal.errors import InvalidTransition

from .alerts import (
    TokenInvalid,
    confirm_subscription,
    send_digests,
    subscribe,
    unsubscribe,
)
from .index import (
    publish_document,
    record_inspection,
    reminder_fallback_recipients,
    send_due_reminders,
    withdraw_document,
)
from .registers import release_entry, save_entry, withdraw_entry
from .spending import (
    SpendingDraftExists,
    SpendingFileInvalid,
    choose_spending_redactions,
    discard_spending,
    release_spending,
    upload_spending,
)

__all__ = [
    "InvalidTransition",
    "SpendingDraftExists",
    "SpendingFileInvalid",
    "TokenInvalid",
    "choose_spending_redactions",
    "confirm_subscription",
    "discard_spending",
    "save_entry",
    "publish_document",
    "record_inspection",
    "reminder_fallback_recipients",
    "release_entry",
    "release_spending",
    "send_digests",
    "send_due_reminders",
    "subscribe",
    "unsubscribe",
    "upload_spending",
    "withdraw_document",
    "withdraw_entry",
]
