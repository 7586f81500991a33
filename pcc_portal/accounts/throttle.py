"""Limits on mail that anyone may make the portal send (alert confirmations, say): so many to one
recipient and so many asked for from one connection in a window, counted in the cache."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache

from .lockout import client_address


@dataclass(frozen=True)
class MailThrottle:
    """At most `per_recipient` requests to mail one address, and `per_connection` requests from
    one visitor's address, in each `window`."""

    action: str
    per_recipient: int
    per_connection: int
    window: timedelta

    def allows(self, request, recipient):
        """Counts this request, and says whether it is within both limits."""
        # The connection is counted first: once it is over its limit, its requests stop counting
        # against the recipients it names, who can still ask from their own connections.
        return self._take("from", client_address(request), self.per_connection) and self._take(
            "to", recipient.strip().lower(), self.per_recipient
        )

    def _take(self, side, who, most):
        key = f"mail-throttle:{self.action}:{side}:{hashlib.sha256(who.encode()).hexdigest()}"
        seconds = int(self.window.total_seconds())
        # add() starts the window only if it is not running; incr() keeps its expiry.
        cache.add(key, 0, timeout=seconds)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between the two calls
            cache.set(key, 1, timeout=seconds)
            count = 1
        return count <= most
