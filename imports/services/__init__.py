"""Importing from the systems an OPCC or its panel used before the portal: meetings from
Modern.gov, and historic decisions and register entries from spreadsheets."""

from .base import ImportFailed, discard_import
from .decisions import apply_decision_import, upload_decision_import
from .entries import apply_entry_import, upload_entry_import
from .meetings import CALLED_OFF_REASON, EXEMPT_REASON, ITEM_KINDS, import_moderngov

__all__ = [
    "CALLED_OFF_REASON",
    "EXEMPT_REASON",
    "ITEM_KINDS",
    "ImportFailed",
    "apply_decision_import",
    "apply_entry_import",
    "discard_import",
    "import_moderngov",
    "upload_decision_import",
    "upload_entry_import",
]
