"""Actions on performance data and scrutiny: each runs in one transaction and is named for what
the user does."""

from .figures import (
    add_commentary,
    record_figure,
    release_figures,
    withdraw_figures,
)
from .measure_imports import UPDATED_FIELDS, apply_import, discard_import, upload_import
from .reports import publish_report, save_report_commentary
from .scrutiny import add_action, add_paper, update_action

__all__ = [
    "UPDATED_FIELDS",
    "add_action",
    "add_commentary",
    "add_paper",
    "apply_import",
    "discard_import",
    "publish_report",
    "record_figure",
    "release_figures",
    "save_report_commentary",
    "update_action",
    "upload_import",
    "withdraw_figures",
]
