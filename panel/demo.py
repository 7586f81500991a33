"""Demo data for the Police and Crime Panel, from the public document pack of 6 December 2021:
the members and proceedings of 12 October 2021 (attendance, minutes and resolutions), the agenda
of 6 December 2021 with its papers, and the 2022 meetings as they were rescheduled. Narrative is
written for the portal; names, dates, references and figures are the seed's.

Where the seed is silent the demo assumes: the councils of the four councillors who sent
apologies (listed as Lancashire County Council), members' term dates, the date the one
complaint was received, the attendance at the meeting of 6 December 2021 and where its items
start in the webcast. Political groups are left unrecorded: the seed does not give them.
"""

import datetime

from django.contrib.auth import get_user_model

from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version

from .models import (
    AgendaItem,
    Attendance,
    Meeting,
    Member,
    Minutes,
    Panel,
    Report,
    Resolution,
    TaskAndFinishGroup,
)
from .services import meetings as meeting_services
from .services import packs, proceedings

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


def lancashire_panel():
    """The Panel of the demo (and the benchmarks): Lancashire's, hosted by Blackburn with Darwen."""
    panel, _ = Panel.objects.get_or_create(
        name="Police & Crime Panel for Lancashire",
        defaults={
            "host_authority": "Blackburn with Darwen Borough Council",
            "secretary_name": "Asad Laher",
            "secretary_email": "police.crime.panel@blackburn.example.org",
        },
    )
    return panel


def _members(panel):
    members = {}
    for name, council, role in PRESENT:
        members[name], _ = Member.objects.get_or_create(
            panel=panel,
            name=name,
            defaults={"council": council, "role": role, "term_start": TERM_START},
        )
    for name in APOLOGIES:
        members[name], _ = Member.objects.get_or_create(
            panel=panel,
            name=name,
            defaults={"council": "Lancashire County Council", "term_start": TERM_START},
        )
    members[INDEPENDENT], _ = Member.objects.get_or_create(
        panel=panel,
        name=INDEPENDENT,
        defaults={"kind": Member.Kind.INDEPENDENT, "term_start": TERM_START},
    )
    for member in members.values():
        group = COUNCIL_GROUPS.get(member.council, "")
        if member.kind == Member.Kind.COUNCILLOR and group and not member.political_group:
            member.political_group = group
            member._change_reason = "Demo political group, from the council's make-up"
            member.save()
    return members


def _meeting(panel, date, **fields):
    meeting, created = Meeting.objects.get_or_create(date=date, defaults={"panel": panel, **fields})
    return meeting, created


def _agenda_item(meeting, number, title, kind, *, previous, **fields):
    """An item of a demo meeting's agenda: a minutes item is of the ``previous`` meeting."""
    return AgendaItem.objects.create(
        meeting=meeting,
        number=number,
        title=title,
        kind=kind,
        minutes_of=previous if kind == "minutes" else None,
        **fields,
    )


def _october(panel, members, publisher):
    meeting, created = _meeting(
        panel, OCTOBER, venue="Blackburn Town Hall", status=Meeting.Status.HELD
    )
    if not created:
        return meeting
    july, _ = _meeting(panel, JULY, status=Meeting.Status.HELD)
    for number, (title, kind, minutes, resolutions) in enumerate(OCTOBER_ITEMS, start=1):
        item = _agenda_item(meeting, number, title, kind, previous=july, minutes=minutes)
        for position, text in enumerate(resolutions, start=1):
            Resolution.objects.create(item=item, position=position, text=text)
    statuses = {members[name]: Attendance.Status.PRESENT for name, _c, _r in PRESENT}
    statuses.update({members[name]: Attendance.Status.APOLOGIES for name in APOLOGIES})
    statuses[members[INDEPENDENT]] = Attendance.Status.APOLOGIES
    proceedings.record_attendance(meeting=meeting, statuses=statuses, visitors=ALSO_ATTENDING)
    version = proceedings.publish_minutes(
        meeting=meeting, by=publisher, note="Minutes of the meeting published"
    )
    # The 6 December pack carries these minutes: render them now rather than after commit.
    publishing.run_render_job(job_id=version.render_job.pk)
    return meeting


def _published_version(document_type, test):
    for version in Version.objects.ready().filter(document_type=document_type):
        if test(version):
            return version
    return None


def _report(meeting, spec):
    return Report(meeting=meeting, **spec)


# The plan priorities each demo report is about, by their titles in the 2021-2025 plan.
REPORT_PRIORITIES = {
    PLAN_COVER["title"]: None,  # every priority
    UPDATE["title"]: ["Targeting dangerous drivers", "Tackling domestic abuse and sexual violence"],
}


def _priorities(report_title):
    """Priorities of the 2021-2025 plan a demo report is about (none without the plans demo)."""
    from plans.models import Priority

    if report_title not in REPORT_PRIORITIES:
        return []
    titles = REPORT_PRIORITIES[report_title]
    priorities = Priority.objects.filter(plan__slug="police-and-crime-plan-2021-2025")
    if titles is not None:
        priorities = priorities.filter(title__in=titles)
    return list(priorities)


def _add_report(item, meeting, spec):
    meeting_services.add_report_paper(
        item=item, report=_report(meeting, spec), priorities=_priorities(spec["title"])
    )


def _december(panel, october, publisher):
    meeting, created = _meeting(
        panel,
        DECEMBER,
        venue="Blackburn Town Hall",
        room="Meeting Room A",
        webcast_url="https://webcast.example.org/lancashire-police-and-crime-panel/2021-12-06",
        status=Meeting.Status.HELD,
    )
    if not created:
        return meeting, False
    for number, (title, kind, paper, description) in enumerate(DECEMBER_ITEMS, start=1):
        item = _agenda_item(
            meeting,
            number,
            title,
            kind,
            previous=october,
            description=description,
            presenter="The Commissioner" if number in (5, 6, 7) else "",
        )
        if paper == "minutes":
            minutes = Minutes.objects.get(meeting=october)
            meeting_services.add_publication_paper(
                item=item,
                version=minutes.live_version(),
                title="Police and Crime Panel for Lancashire Minutes Oct 2021",
            )
        elif paper == "plan":
            _add_report(item, meeting, PLAN_COVER)
            plan = _published_version("plan", lambda v: "2021-2025" in v.title)
            if plan is not None:
                meeting_services.add_publication_paper(item=item, version=plan)
        elif paper == "decisions":
            published = _published_version(
                "decisions-report",
                lambda v: getattr(v.content_object, "meeting_date", None) == DECEMBER,
            )
            if published is not None:
                meeting_services.add_publication_paper(item=item, version=published)
            else:
                _add_report(item, meeting, DECISIONS)
        elif isinstance(paper, dict):
            _add_report(item, meeting, paper)
    return meeting, True


def _2022(panel):
    meeting, _ = _meeting(
        panel,
        datetime.date(2022, 1, 17),
        status=Meeting.Status.POSTPONED,
        status_reason="Cancelled following a request from the Commissioner's Office.",
        new_date=datetime.date(2022, 2, 1),
    )
    _meeting(panel, datetime.date(2022, 2, 1))
    _meeting(
        panel,
        datetime.date(2022, 2, 15),
        kind=Meeting.Kind.IF_REQUIRED,
    )
    return meeting


def _groups(panel, members):
    for title, names, scope in [
        (
            "101 Service",
            ["Roger Berry", "Stella Brunskill"],
            "The 101 non-emergency service, including a visit to the Force Control Room. "
            "Three members; one more volunteer needed.",
        ),
        (
            "Neighbourhood Policing",
            ["Peter Le Marinel"],
            "Neighbourhood policing across Lancashire. Two more volunteers needed.",
        ),
    ]:
        group, created = TaskAndFinishGroup.objects.get_or_create(
            panel=panel,
            title=title,
            defaults={"scope": scope, "report_back_by": datetime.date(2021, 12, 24)},
        )
        if created:
            group.members.set([members[name] for name in names])


# The demo ``member`` account signs in as this member (who sits on the 101 Service group).
DEMO_MEMBER = "Stella Brunskill"


def _link_demo_account(members):
    account = get_user_model().objects.filter(username="member").first()
    member = members[DEMO_MEMBER]
    if account is not None and member.user_id is None:
        member.user = account
        member.save(update_fields=["user"])


# Assumed for the demo (the seed's pack precedes the meeting): who sent apologies or a substitute
# on 6 December 2021, and the minute of the webcast at which each item started.
DECEMBER_APOLOGIES = ["Williamson", "Threllfall"]
DECEMBER_SUBSTITUTED = ["McGladdery"]
DECEMBER_WEBCAST_MINUTES = [0, 2, 3, 4, 6, 9, 41, 72, 90, 104, 106, 108]


def _december_proceedings(meeting, members):
    if meeting.attendance.exists():
        return
    statuses = dict.fromkeys(members.values(), Attendance.Status.PRESENT)
    statuses.update({members[n]: Attendance.Status.APOLOGIES for n in DECEMBER_APOLOGIES})
    statuses.update({members[n]: Attendance.Status.SUBSTITUTED for n in DECEMBER_SUBSTITUTED})
    proceedings.record_attendance(meeting=meeting, statuses=statuses, visitors=ALSO_ATTENDING)
    items = meeting.items.order_by("number")
    for item, minute in zip(items, DECEMBER_WEBCAST_MINUTES, strict=False):
        item.webcast_start = minute * 60
        item.save(update_fields=["webcast_start"])


def load(*, publisher):
    secretary = get_user_model().objects.filter(username="secretary").first() or publisher
    panel = lancashire_panel()
    members = _members(panel)
    _link_demo_account(members)
    october = _october(panel, members, secretary)
    december, created = _december(panel, october, secretary)
    _december_proceedings(december, members)
    _2022(panel)
    _groups(panel, members)
    published = ""
    if not december.pack_builds.exists():
        packs.publish_pack(
            meeting=december, by=secretary, note="Agenda published on 26 November 2021"
        )
        published = ", agenda pack of 6 December 2021 queued"
    return f"{len(members)} members, {Meeting.objects.count()} meetings{published}"
