"""The publication generation that cached fragments of public pages are keyed by."""

from django.db import models


class Generation(models.Model):
    """The publication generation: one row whose number goes up, in the same transaction, with
    every release, withdrawal or other change to what public pages read. Cached fragments of
    public pages are keyed by it, so a change makes every cached fragment unreachable at the
    moment it commits (see ``pcc_portal.caching``)."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Publication generation {self.number}"
