"""Who the change history names for work a person starts outside a request (a command)."""

from contextlib import contextmanager
from types import SimpleNamespace

from simple_history.models import HistoricalRecords

_UNSET = object()


@contextmanager
def recorded_as(user):
    """Record every change made inside the block as ``user``'s, as simple_history's middleware
    records a request's as its user's. Services that take ``by`` name it on what they save;
    this covers the rest of what the work saves. What was set before (a request) comes back
    after."""
    context = HistoricalRecords.context
    before = getattr(context, "request", _UNSET)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if before is _UNSET:
            del context.request
        else:
            context.request = before
