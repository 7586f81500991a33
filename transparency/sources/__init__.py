"""Where the index reads what the portal publishes itself: when it last published, the period
that covers, and, for what is published as it is made, each thing's deadline.

Each source is a small adapter: given a shared cache (with ``today``), it answers a
``Reading`` (or just the date of the last publication, for a register or page that is "as at"
the day it was last released), or ``None`` when there is nothing (yet). Adapters import other
apps inside their functions and read the shared ``Version`` table, so an app with no data or
not yet built makes its items "missing" rather than breaking the index.
"""

from .as_made import AS_MADE_LOOKBACK
from .readings import Publication, Reading, Source
from .registry import SOURCES, choices

__all__ = [
    "AS_MADE_LOOKBACK",
    "SOURCES",
    "Publication",
    "Reading",
    "Source",
    "choices",
]
