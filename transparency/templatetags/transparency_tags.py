"""Template tags for the transparency hub's staff dashboard partial, which the shared
dashboard includes without any context of ours."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def index_needing_attention():
    """Index items overdue, due soon or missing, worst first."""
    rows = [row for row in selectors.index_rows() if row.freshness.needs_attention]
    order = {"overdue": 0, "due-soon": 1, "missing": 2}
    return sorted(rows, key=lambda row: (order[row.freshness.status], row.freshness.due_on or 0))


@register.simple_tag
def golden_thread(priority):
    """The parts of a priority's golden thread, for a page that shows it (the plan's priority
    page can use ``{% golden_thread priority as thread %}`` then include
    ``transparency/_golden_thread.html``)."""
    from .. import thread

    return thread.golden_thread(priority)
