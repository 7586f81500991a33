"""The demo index shows honest statuses: documents dated by the period they cover, not by the
day the demo was loaded."""

import pytest

from transparency import demo, selectors
from transparency.freshness import Status

pytestmark = pytest.mark.django_db


def test_the_demo_index_is_dated_by_the_periods_covered(decision_maker):
    demo.load(publisher=decision_maker)
    rows = {row.item.code: row for row in selectors.index_rows()}
    # Loaded today, but senior salaries as at the 31 March before last: overdue, not current.
    assert rows["senior-salaries"].freshness.status == Status.OVERDUE
    assert rows["staff-numbers"].freshness.status in (Status.CURRENT, Status.DUE_SOON)
    assert rows["peel-report"].freshness.status == Status.CURRENT
    assert rows["hmicfrs-responses"].freshness.status == Status.CURRENT
    statuses = {row.freshness.status for row in rows.values()}
    assert {Status.OVERDUE, Status.MISSING} <= statuses
    assert rows["decisions"].item.responsible_email
