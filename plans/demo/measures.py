"""Measures of the demo plans: the directions their seeds give, and the 2021-2025 plan's
measures outside its priorities (wording, direction, unit, and whether it is national)."""

from ..models import Measure

INC, RED, IMP, MON = (
    Measure.Direction.INCREASE,
    Measure.Direction.REDUCE,
    Measure.Direction.IMPROVE,
    Measure.Direction.MONITOR,
)

THEME_MEASURES_2021 = [
    (
        "Efficient and effective policing",
        [
            ("Outcome of HMICFRS and other inspections", MON, ""),
            ("Accurate and timely crime recording", IMP, "%"),
            ("External Auditor's value for money determination", MON, ""),
            ("Comparison with national police Value for Money Profiles", MON, ""),
            ("Realisation of benefits from investment", MON, ""),
            ("Efficiency savings", MON, "£"),
            ("Contact management: 101 and 999 calls answered", IMP, "%"),
        ],
    ),
    (
        "National crime and policing measures",
        [
            ("Disrupt drugs supply and county lines", MON, "disruptions", True),
            ("Reduce neighbourhood crime", RED, "crimes", True),
            ("Tackle cyber crime", MON, "", True),
            (
                "Improve satisfaction among victims, with a particular focus on victims of "
                "domestic abuse",
                IMP,
                "%",
                True,
            ),
        ],
    ),
]
