"""What the public document pack of 6 December 2021 says: the Panel's members, the proceedings of
12 October 2021, and the agenda of 6 December 2021 with its reports."""

import datetime

from ..services import meetings as meeting_services

TERM_START = datetime.date(2021, 5, 20)
JULY, OCTOBER, DECEMBER = (
    datetime.date(2021, 7, 20),
    datetime.date(2021, 10, 12),
    datetime.date(2021, 12, 6),
)
IAN = (
    "Ian Dickinson, 01772 533587, Office of the Police and Crime Commissioner, "
    "ian.dickinson@lancashire-pcc.gov.uk"
)

PRESENT = [
    ("Jackie Oakes", "Rossendale Borough Council", "chair"),
    ("Alistair Bradley", "Chorley Borough Council", "member"),
    ("Stella Brunskill", "Ribble Valley Borough Council", "member"),
    ("Simon Hore", "Ribble Valley Borough Council", "member"),
    ("Quesir Mahmood", "Blackburn with Darwen Borough Council", "member"),
    ("James Flannery", "South Ribble Borough Council", "member"),
    ("Gareth Dowling", "West Lancs Borough Council", "member"),
    ("Peter Hunter", "Blackpool Council", "member"),
    ("Martyn Hurt", "Burnley Borough Council", "member"),
    ("Munsif Dad", "Hyndburn Borough Council", "member"),
    ("Robert Boswell", "Preston City Council", "member"),
    ("Roger Berry", "Wyre Borough Council", "member"),
    ("Sandra Thornberry", "Lancaster City Council", "member"),
    ("Frank Andrews", "Fylde Council", "member"),
]
APOLOGIES = ["Williamson", "Threllfall", "McGladdery", "Peter Le Marinel"]
INDEPENDENT = "Dave Spellman"
# Demo data: the seeds name each member's council but not their political group, so each
# councillor is given the group that led their council in 2021 (Lancashire County Council's
# Conservative majority from May 2021; Lancaster, Burnley and South Ribble had no overall
# control, with Labour the largest group or leading). Not the members' recorded groups.
COUNCIL_GROUPS = {
    "Rossendale Borough Council": "Labour",
    "Chorley Borough Council": "Labour",
    "Ribble Valley Borough Council": "Conservative",
    "Blackburn with Darwen Borough Council": "Labour",
    "South Ribble Borough Council": "Labour",
    "West Lancs Borough Council": "Labour",
    "Blackpool Council": "Labour",
    "Burnley Borough Council": "Labour",
    "Hyndburn Borough Council": "Labour",
    "Preston City Council": "Labour",
    "Wyre Borough Council": "Conservative",
    "Lancaster City Council": "Labour",
    "Fylde Council": "Conservative",
    "Lancashire County Council": "Conservative",
}
ALSO_ATTENDING = [
    ("Andrew Snowden", "Police and Crime Commissioner"),
    ("Andrew Pratt", "Deputy Police and Crime Commissioner"),
    ("Angela Harrison", "Office of the PCC"),
    ("Asad Laher", "Secretary"),
    ("Phil Llewellyn", "Corporate and Democratic Lead"),
]

# The meeting of 12 October 2021: (title, kind, minutes, resolutions)
OCTOBER_ITEMS = [
    ("Welcome and Apologies", "welcome", "The Chair welcomed everyone to the meeting.", []),
    (
        "Minutes of the last meeting",
        "minutes",
        "",
        ["The Minutes of the meeting held on 20 July 2021 were agreed as a correct record."],
    ),
    ("Declarations of Interest", "declarations", "", []),
    ("Public Questions", "public_questions", "", []),
    (
        "Draft Police and Crime Plan 2021-2025",
        "report",
        "The Commissioner presented the latest draft of the plan, following the Panel's "
        "consultation meeting on 22 September 2021. The Panel had until 12 November to give its "
        "feedback. The Deputy Commissioner described the consultation with particular groups. "
        "Members asked about digitally excluded people, cyber crime and youth nuisance, and for "
        "the local and demographic differences behind the county-wide 74% of people who feel "
        "safe.",
        [
            "That the draft Police and Crime Plan be noted and that Panel Members provide "
            "feedback to the Commissioner before the deadline on 12 November 2021."
        ],
    ),
    (
        "Succession Planning",
        "report",
        "Following the Policing Minister's letter of July 2021 to all Commissioners, the "
        "Commissioner proposed that the Deputy would be considered for appointment as acting "
        "Commissioner if one were needed, and otherwise the Chief Executive (Director) of the "
        "Office; any such appointment is the Panel's decision.",
        ["That the proposed arrangements for succession planning be approved."],
    ),
    (
        "Performance Report",
        "report",
        "The report covered progress on the new plan and the Office's work in the second "
        "quarter (1 July to 30 September 2021). Members asked about the low charging rate for "
        "sexual offences; the Commissioner and Deputy described closer work with the criminal "
        "justice partners. The Commissioner also spoke about the police uplift in Rossendale, a "
        "problem-oriented approach to anti-social behaviour, and reopening front counters, "
        "starting with Clitheroe.",
        ["That the report be noted."],
    ),
    (
        "Decisions",
        "report",
        "The report listed the decisions of the Commissioner and the Director since the "
        "Panel's meeting of 20 July 2021.",
        ["That the report be noted."],
    ),
    (
        "Part 2 of the Police and Crime Commissioner Review",
        "report",
        "The Secretary updated the Panel on the second part of the Government's review of "
        "Commissioners, announced on 27 July 2021, and on the response sent for the Panel after "
        "consulting the Chair and Vice-Chair. Members were asked for comments on the proposed "
        "additional powers by 15 October, ahead of the Home Office deadline of 27 October 2021.",
        [
            "That the report be noted and that the Secretary respond to the Home Office with "
            "the comments of the Panel ahead of the 27 October deadline."
        ],
    ),
    (
        "Task and Finish Groups 2021/22 - Verbal Update",
        "verbal",
        "Two groups were agreed for 2021/22: the 101 Service (including a visit to the Force "
        "Control Room) and Neighbourhood Policing. Both were looking for more volunteers and "
        "hoped to report by Christmas.",
        [
            "That the verbal update be noted and Members volunteer as appropriate for the Task "
            "and Finish Groups."
        ],
    ),
    (
        "Monitoring of Complaints - Verbal Update",
        "verbal",
        "One complaint had been received since the last meeting and was being assessed.",
        ["That the update in relation to communications and complaints be noted."],
    ),
    ("Urgent Business", "urgent_business", "There were no items of urgent business.", []),
    (
        "Date of next meeting",
        "next_meetings",
        "The next meeting would be held on Monday 6 December 2021 at 6pm at Blackburn Town Hall.",
        [],
    ),
]

PLAN_COVER = {
    "title": "Police and Crime Plan 2021-25",
    "contact": IAN,
    "executive_summary": "This covering report presents the Commissioner's Police and Crime "
    "Plan 2021-2025 for Lancashire.",
    "recommendation": "The Panel is asked to note the Police and Crime Plan 2021-2025.",
    "body": "## Background\n\n"
    "1. The Commissioner must issue a plan by the end of the financial year in which he was "
    "elected: 31 March 2022.\n"
    "2. Under section 5 of the Police Reform and Social Responsibility Act 2011, a draft plan "
    "goes to the Panel first, and the Commissioner must have regard to its report or "
    "recommendations.\n"
    "3. On 12 October 2021 the Panel heard about the summer's engagement with the "
    "Constabulary, the public, victims, stakeholders and partners.\n"
    "4. Since then the Chief Constable and partners have been consulted further; the final "
    "plan will be published on 9 December 2021.\n"
    "5. The Commissioner thanks members for their scrutiny of the plan.\n"
    "6. Progress against the plan will be reported to the Panel's March meeting.\n\n"
    "## Implications\n\n"
    "**Financial.** The plan reflects the current budget and is monitored through existing "
    "governance.\n\n"
    "**Legal.** The plan was developed under the 2011 Act.\n\n"
    "**HR.** Monitored through the plan and existing governance.\n\n"
    "**Equality.** The plan has had an equality impact assessment.\n\n"
    "## Recommendation\n\n"
    "The Panel is asked to discuss and note the Police and Crime Plan 2021-2025.",
}

UPDATE = {
    "title": "Police & Crime Commissioner's update",
    "contact": IAN,
    "executive_summary": "An update on the Police and Crime Plan 2021-2025 and on the recent "
    "work of the Commissioner and his Office.",
    "recommendation": "The Panel is asked to consider the report.",
    "body": "## Background\n\n"
    "The Commissioner holds the Chief Constable to account for performance against the plan "
    "at a quarterly Strategic Scrutiny meeting, whose papers and notes are published. Members "
    "may ask the Commissioner about that scrutiny at this meeting.\n\n"
    "## Performance headlines\n\n"
    "* At the scrutiny meeting on 15 November 2021 the Commissioner heard about force "
    "performance and the Constabulary's approach to road safety, including its part in the "
    "Lancashire Road Safety Partnership. Discussion covered demand on the Force Control Room, "
    "mental health demand on front-line policing, and sexual offences linked to drink "
    "spiking.\n"
    "* The plan is being finalised with residents and partners; a separate report is on this "
    "agenda.\n"
    "* Front counters have reopened in South Ribble (Leyland) and Fylde (Kirkham).\n"
    "* Fylde again has a dedicated neighbourhood policing team.\n"
    "* The Knife Angel came to Lancashire in November with an education programme on knife "
    "and violent crime.\n"
    "* The Commissioner joined Burnley's response team for a shift and supported a week of "
    "action on uninsured and unlicensed drivers.\n"
    "* The Deputy Commissioner chaired his first Lancashire Road Safety Partnership meeting in "
    "October, which reviewed the effect of average speed cameras, and his first Lancashire "
    "Criminal Justice Board, which discussed the Covid court backlog and a new witness "
    "support contract worth £14M over 5 years.\n\n"
    "## Recommendation\n\n"
    "Members are asked to consider this report and the information given at the meeting, and "
    "to comment.",
    "author": "Angela Harrison, Director",
}

DECISIONS = {
    "title": "Police & Crime Commissioner Decisions",
    "contact": "Ian Dickinson, 01772 533462, Office of the Police and Crime Commissioner, "
    "ian.dickinson@lancashire-pcc.gov.uk",
    "executive_summary": "The decisions made by the Commissioner, and by the Director or an "
    "authorised officer under delegated authority, since the Panel met on 12 October 2021.",
    "recommendation": "The Panel is asked to consider the report and raise any issues on the "
    "decisions presented.",
    "body": "## Background\n\n"
    "Section 28(6) of the 2011 Act requires the Panel to review or scrutinise the "
    "Commissioner's decisions. The Commissioner publishes every decision on his website.\n\n"
    "## Decisions since the last meeting\n\n"
    "| Reference | Title | Priority | Date |\n|---|---|---|---|\n"
    "| 17/2021 | Community Safety Partnerships Funding | All priorities | 8 October 2021 |\n"
    "| 18/2021 | Victim Services Contract Award (restricted) | Supporting Vulnerable People "
    "and Victims | 3 November 2021 |\n"
    "| 19/2021 | Section 22 - NPoCC | Tackling Crime and Re-Offending | 19 October 2021 |\n"
    "| 20/2021 | Pension Forfeiture (restricted) | Supporting Vulnerable People and Victims | "
    "15 November 2021 |\n"
    "| 21/2021 | OPCC Risk and Opportunities Register (restricted) | Governance | 3 November "
    "2021 |\n"
    "| 22/2021 | Amendment to Chief Constable's contract (restricted) | Governance | 26 "
    "November 2021 |\n"
    "| 23/2021 | Financial position as at 30 September 2021 | Governance | 3 November 2021 |\n"
    "| 24/2021 | Internal Audit reviews – OPCC (restricted) | Governance | 3 November 2021 |\n\n"
    "## Director's delegated decisions\n\n"
    "A report of the Director's delegated decisions since the last meeting went to the "
    "Commissioner on 26 November 2021 and is published with his decisions.\n\n"
    "## Conclusion\n\n"
    "The Panel can scrutinise and review the decisions set out above.",
}

CONFERENCE = {
    "title": "Annual Police (Fire) and Crime Panels Conference 2021",
    "contact": "Phil Llewellyn, Corporate and Democratic Lead, phil.llewellyn@blackburn.gov.uk",
    "executive_summary": "A report of the 10th National Conference for Chairs, Members and "
    "Officers of Police (Fire) and Crime Panels on 1 and 2 November 2021.",
    "recommendation": "That the Panel note the report.",
    "body": "## Background and advice\n\n"
    "The conference was held at the University of Warwick, organised by Frontline Consulting "
    "with Grant Thornton. The Chair, Jackie Oakes, attended with the Secretary, Asad Laher, "
    "and Phil Llewellyn.\n\n"
    "## The conference\n\n"
    "Delegates met in person again after a virtual year. The opening session discussed the "
    "Home Office review and the risk of Commissioners focusing on national targets. Dr Rick "
    "Muir of the Police Foundation presented the Strategic Review of Policing, due to be "
    "published in January 2022. Lancashire's delegates split up to cover the breakout "
    "sessions: the code of conduct, support officers, scrutinising performance, chairs, "
    "councillors on panels, and complaints handling.\n\n"
    "## Financial implications\n\n"
    "Attendance was funded from the Home Office grant to the Panel.",
}

DECEMBER_ITEMS = [
    # (title, kind, report or marker, description)
    ("Welcome and Apologies", "welcome", None, ""),
    ("Minutes of the Meeting held on 12th October 2021", "minutes", "minutes", ""),
    ("Declarations of Interest", "declarations", None, ""),
    ("Public Questions", "public_questions", None, ""),
    ("Police and Crime Plan 2021-25", "report", "plan", ""),
    ("PCC Update Report", "report", UPDATE, ""),
    ("PCC Decisions", "report", "decisions", ""),
    ("Annual PCP Conference November 2021", "report", CONFERENCE, ""),
    ("Task and Finish Groups - Verbal Updates from the Chairs", "verbal", None, ""),
    ("Monitoring of Complaints - Verbal update from the Secretary", "verbal", None, ""),
    ("Urgent Business", "urgent_business", None, meeting_services.URGENT_BUSINESS_NOTE),
    (
        "Dates of Next Meetings",
        "next_meetings",
        None,
        "The meeting due on 17 January 2022 is cancelled at the request of the Commissioner's "
        "Office and will now be held on 1 February 2022; time and place to be agreed today.\n\n"
        "The “if required” meeting, which depends on the precept decision, will now be on "
        "15 February 2022; time and place to be agreed today.",
    ),
]
