"""Path converters shared by the apps' URLs, registered once before any app's URLs are read."""

import datetime
import re

from django.urls import register_converter


class IsoDateConverter:
    """A day in an address, as ISO 8601: /panel/meetings/2021-12-06/. A day the calendar does
    not have (2021-02-30) matches no URL, so it answers 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)  # ValueError: no match

    def to_url(self, value):
        return value if isinstance(value, str) else value.isoformat()


register_converter(IsoDateConverter, "isodate")


class SlugChoiceConverter:
    """One of a fixed list of slugs in an address, such as a register's: /transparency/grants/.
    Any other slug matches no URL, so it answers 404. An app registers ``of(slugs)`` under the
    list's name in its URL module, next to the list's users."""

    @classmethod
    def of(cls, slugs):
        """The converter class for one list of slugs (a dict's keys count as its slugs)."""
        return type(cls.__name__, (cls,), {"regex": "|".join(map(re.escape, slugs))})

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
