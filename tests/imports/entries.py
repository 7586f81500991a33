"""Applying a register entry import as the tests do: on the day the sample rows are dated, by an
editor who has just given the password again."""

import datetime

from imports import services

TODAY = datetime.date(2026, 12, 3)


def apply(entry_import, editor, *, release=True):
    return services.apply_entry_import(
        entry_import=entry_import,
        by=editor,
        release=release,
        reauthenticated_at=datetime.datetime(2026, 12, 3, 9, 30, tzinfo=datetime.UTC),
        today=TODAY,
    )
