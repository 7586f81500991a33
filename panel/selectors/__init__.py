"""Reads for the panel's public and staff pages."""

from .meetings import (
    RECENT_MEETINGS,
    AgendaTimeliness,
    agenda_timeliness,
    dashboard_attention,
    meeting_by_date,
    my_meetings,
    published_minutes,
)
from .members import (
    MUNICIPAL_YEAR_STARTS_IN,
    AttendanceYear,
    member_record,
    municipal_year_of,
    political_balance,
)
from .pack_review import pack_review
from .packs import (
    WithdrawnFromPacks,
    agenda,
    live_build,
    pack_progress,
    pack_versions,
    untagged_papers,
    withdrawal_actions,
    withdrawals,
)

__all__ = [
    "MUNICIPAL_YEAR_STARTS_IN",
    "RECENT_MEETINGS",
    "AgendaTimeliness",
    "AttendanceYear",
    "WithdrawnFromPacks",
    "agenda",
    "agenda_timeliness",
    "dashboard_attention",
    "live_build",
    "meeting_by_date",
    "member_record",
    "municipal_year_of",
    "my_meetings",
    "pack_progress",
    "pack_review",
    "pack_versions",
    "political_balance",
    "published_minutes",
    "untagged_papers",
    "withdrawal_actions",
    "withdrawals",
]
