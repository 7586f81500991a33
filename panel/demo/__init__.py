"""Demo data for the Police and Crime Panel, from the public document pack of 6 December 2021:
the members and proceedings of 12 October 2021 (attendance, minutes and resolutions), the agenda
of 6 December 2021 with its papers, and the 2022 meetings as they were rescheduled. Narrative is
written for the portal; names, dates, references and figures are the seed's.

Where the seed is silent the demo assumes: the councils of the four councillors who sent
apologies (listed as Lancashire County Council), members' term dates, the date the one
complaint was received, the attendance at the meeting of 6 December 2021 and where its items
start in the webcast. Political groups are left unrecorded: the seed does not give them.
"""

from .loading import (
    DECEMBER_APOLOGIES,
    DECEMBER_SUBSTITUTED,
    DECEMBER_WEBCAST_MINUTES,
    DEMO_MEMBER,
    REPORT_PRIORITIES,
    _members,
    lancashire_panel,
    load,
)
from .seed import (
    ALSO_ATTENDING,
    APOLOGIES,
    CONFERENCE,
    COUNCIL_GROUPS,
    DECEMBER,
    DECEMBER_ITEMS,
    DECISIONS,
    IAN,
    INDEPENDENT,
    JULY,
    OCTOBER,
    OCTOBER_ITEMS,
    PLAN_COVER,
    PRESENT,
    TERM_START,
    UPDATE,
)

__all__ = [
    "ALSO_ATTENDING",
    "APOLOGIES",
    "CONFERENCE",
    "COUNCIL_GROUPS",
    "DECEMBER",
    "DECEMBER_APOLOGIES",
    "DECEMBER_ITEMS",
    "DECEMBER_SUBSTITUTED",
    "DECEMBER_WEBCAST_MINUTES",
    "DECISIONS",
    "DEMO_MEMBER",
    "IAN",
    "INDEPENDENT",
    "JULY",
    "OCTOBER",
    "OCTOBER_ITEMS",
    "PLAN_COVER",
    "PRESENT",
    "REPORT_PRIORITIES",
    "TERM_START",
    "UPDATE",
    "lancashire_panel",
    "load",
    "_members",  # the tests read it here
]
