"""The two demo plans themselves: each one's Commissioner and term, the statutory steps it took,
and the delivery progress reported on the 2021-2025 plan."""

from datetime import date

from ..models import Commitment, Stage

# Police and Crime Plan 2016-2021 (Clive Grunshaw)
PLAN_2016 = {
    "slug": "police-and-crime-plan-2016-2021",
    "title": "Police and Crime Plan 2016-2021",
    "force_area": "Lancashire",
    "commissioner": "Clive Grunshaw",
    "term_start": date(2016, 5, 12),
    "term_end": date(2021, 5, 12),
    "summary": "The Commissioner's second-term plan: prevention and partnership working at the "
    "heart of keeping Lancashire safe.",
}

STEPS_2016 = [
    (
        Stage.CONSULTED,
        date(2016, 8, 15),
        "The draft plan was prepared and shared with the "
        "Chief Constable, following evidence sessions with the Constabulary.",
        "",
    ),
    (
        Stage.SENT_TO_PANEL,
        date(2016, 10, 3),
        "The draft plan was presented to the Police and Crime Panel for its comments.",
        "",
    ),
    (
        Stage.PANEL_RESPONDED,
        date(2016, 10, 17),
        "The Panel commented on the draft plan, including the measures of performance.",
        "",
    ),
    (
        Stage.RESPONSE_PUBLISHED,
        date(2016, 10, 24),
        "The Commissioner's response to the Panel's comments was published.",
        "",
    ),
    (Stage.ISSUED, date(2016, 11, 1), "The Police and Crime Plan 2016-2021 was issued.", ""),
]

# Police and Crime Plan 2021-2025 (Andrew Snowden)
PLAN_2021 = {
    "slug": "police-and-crime-plan-2021-2025",
    "title": "Leading the fight against crime: the Police and Crime Plan for Lancashire 2021-2025",
    "force_area": "Lancashire",
    "commissioner": "Andrew Snowden",
    "term_start": date(2021, 5, 13),
    "term_end": date(2025, 3, 31),
    "summary": "Five priorities chosen by residents, backed by the largest investment in "
    "Lancashire policing in living memory.",
}

STEPS_2021 = [
    (
        Stage.PUBLIC_CONSULTED,
        date(2021, 8, 31),
        "A public survey, and meetings with victims' groups, partners and stakeholders.",
        "",
        {
            "consultation_opened": date(2021, 6, 1),
            "responses_summary": "Residents, victims of crime, partners and stakeholders across "
            "Lancashire took part through the summer, more of the public than for any earlier "
            "plan; digitally excluded people were reached by other means. Anti-social behaviour "
            "was by far the top concern, and the priorities were shaped by what people said.",
        },
    ),
    (
        Stage.CONSULTED,
        date(2021, 9, 1),
        "The Chief Constable was consulted on the draft plan, "
        "after a summer of consultation with residents, victims and partners.",
        "",
    ),
    (
        Stage.SENT_TO_PANEL,
        date(2021, 10, 12),
        "The Panel considered the draft plan, after a consultation meeting with members on "
        "22 September 2021, and was invited to give feedback by 12 November 2021. It made no "
        "formal report, so no response was needed; members' views were taken into account in "
        "the final plan, which went to the Panel's meeting of 6 December 2021.",
        "",
    ),
    (
        Stage.ISSUED,
        date(2022, 1, 6),
        "Approved by the Commissioner by decision 28/2021.",
        "28/2021",
    ),
]

# Delivery progress reported to the Panel on 6 December 2021: (priority, commitment index,
# status, note).
PROGRESS_2021 = [
    (
        1,
        3,
        Commitment.Status.IN_PROGRESS,
        "Front counters in South Ribble (Leyland) and Fylde (Kirkham) have reopened.",
    ),
    (
        1,
        1,
        Commitment.Status.IN_PROGRESS,
        "Fylde has returned to a dedicated neighbourhood "
        "policing team in place of the hybrid model.",
    ),
    (1, 0, Commitment.Status.IN_PROGRESS, "More than 200 new officers join in 2021/22."),
    (
        3,
        2,
        Commitment.Status.IN_PROGRESS,
        "More than £2.5m secured for domestic abuse and "
        "sexual violence services in the first three months of office.",
    ),
    (3, 8, Commitment.Status.IN_PROGRESS, "Op Provide has supported more than 1,000 victims."),
    (
        3,
        10,
        Commitment.Status.DELIVERED,
        "The Deputy Commissioner chaired his first meeting of "
        "the Lancashire Criminal Justice Board.",
    ),
    (
        5,
        0,
        Commitment.Status.NOT_STARTED,
        "A full review of the partnership is scheduled for the new year.",
    ),
    (
        2,
        8,
        Commitment.Status.IN_PROGRESS,
        "The Knife Angel came to Lancashire in November 2021 "
        "with an educational programme on knife crime.",
    ),
]
PROGRESS_DATE_2021 = date(2021, 12, 6)
