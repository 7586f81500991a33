"""What a source reads, and how the index turns a reading into a publication it can judge."""

import logging
from dataclasses import dataclass
from datetime import date, datetime

from django.db import DatabaseError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

# Logged under the package's name, as it was before the package was split into modules.
logger = logging.getLogger(__package__)


def _day(when):
    if when is None or not isinstance(when, datetime):
        return when
    return timezone.localdate(when) if timezone.is_aware(when) else when.date()


@dataclass(frozen=True)
class Reading:
    """What a source read: the last publication, the period it covers, and for what is
    published as it is made, the deadlines of the things still owed."""

    published: object = None  # a date or datetime
    covered_from: date | None = None
    covered_to: date | None = None
    url: str = ""
    deadlines: tuple = ()
    # A register or page: complete "as at" the day of its last release.
    as_at: bool = False


@dataclass(frozen=True)
class Publication:
    published_on: date | None
    url: str
    covered_from: date | None = None
    covered_to: date | None = None
    deadlines: tuple = ()
    as_at: bool = False


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    url_name: str
    read: object  # (cache) -> Reading | date | datetime | None
    url_kwargs: tuple = ()

    def url(self):
        try:
            return reverse(self.url_name, kwargs=dict(self.url_kwargs))
        except NoReverseMatch:
            return ""

    def latest(self, cache=None):
        """The latest publication, or None; never raises for a missing app or table. Sources
        read through ``cache`` share one query for all published versions."""
        cache = {} if cache is None else cache
        cache.setdefault("today", timezone.localdate())
        try:
            reading = self.read(cache)
        except (LookupError, ImportError, DatabaseError, NoReverseMatch):
            logger.info("transparency source %s has nothing to read yet", self.key, exc_info=True)
            return None
        if reading is None:
            return None
        if not isinstance(reading, Reading):
            # A register or page is "as at" the day it was last released.
            day = _day(reading)
            reading = Reading(published=day, covered_from=day, covered_to=day, as_at=True)
        published = _day(reading.published)
        if published is None and not reading.deadlines:
            return None
        return Publication(
            published_on=published,
            url=reading.url or self.url(),
            covered_from=reading.covered_from,
            covered_to=reading.covered_to,
            deadlines=tuple(reading.deadlines),
            as_at=reading.as_at,
        )
