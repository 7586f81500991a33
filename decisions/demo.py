"""Demo decisions from the Lancashire seeds: 17/2021 to 24/2021 as listed in the Panel's decisions
report of 6 December 2021 (restricted where it says so), 28/2021 approving the Police and Crime
Plan 2021-2025 in full, two drafts in progress, and the Panel's decisions report.

Facts (references, titles, priorities, dates, names) are the seeds'; the narrative is written for
the demo. Each decision is drafted by the editor, declared by whoever held the Monitoring Officer
and (where it has financial implications) the Chief Finance Officer office that day, signed by the
Commissioner of the day, and published by the editor: the demo accounts `load_demo` creates.
Running it again changes nothing.
"""

import datetime
import re
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from pcc_portal.accounts.models import Office, OfficeHolding
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing
from plans.models import Priority

from . import services
from .models import Decision, DecisionPart2, DecisionsReport

LONDON = zoneinfo.ZoneInfo("Europe/London")
PLAN_2016 = "police-and-crime-plan-2016-2021"
PLAN_2021 = "police-and-crime-plan-2021-2025"
GOVERNANCE, ALL = "governance", "all"
REPORT_BY = "Ian Dickinson, Head of Governance"

# number, title, priority (a 2016-2021 plan priority's title, or a scope), date, Part 2 (or None)
PANEL_REPORT_DECISIONS = [
    (
        17,
        "Community Safety Partnerships Funding",
        ALL,
        datetime.date(2021, 10, 8),
        None,
        "The Commissioner's annual grants to Lancashire's community safety partnerships for "
        "2021/22, to fund local projects that deliver the plan's priorities.",
    ),
    (
        18,
        "Victim Services Contract Award",
        "Supporting vulnerable people and victims",
        datetime.date(2021, 11, 3),
        (
            "Commercially sensitive: Freedom of Information Act 2000, section 43",
            "The evaluation of the tenders received, each bidder's price and the award "
            "recommendation.",
        ),
        "",
    ),
    (
        19,
        "Section 22 - NPoCC",
        "Tackling crime and reoffending",
        datetime.date(2021, 10, 19),
        None,
        "Lancashire's part in the collaboration agreement under section 22A of the Police Act "
        "1996 for the National Police Coordination Centre, which coordinates mutual aid between "
        "forces.",
    ),
    (
        20,
        "Pension Forfeiture",
        "Supporting vulnerable people and victims",
        datetime.date(2021, 11, 15),
        (
            "Personal information: Freedom of Information Act 2000, section 40",
            "The former officer's circumstances and the forfeiture determined.",
        ),
        "",
    ),
    (
        21,
        "OPCC Risk and Opportunities Register",
        GOVERNANCE,
        datetime.date(2021, 11, 3),
        (
            "Law enforcement: Freedom of Information Act 2000, section 31",
            "The register's assessment of each risk and the controls in place.",
        ),
        "",
    ),
    (
        22,
        "Amendment to Chief Constable's contract",
        GOVERNANCE,
        datetime.date(2021, 11, 26),
        (
            "Personal information: Freedom of Information Act 2000, section 40",
            "The terms of the Chief Constable's contract that change.",
        ),
        "",
    ),
    (
        23,
        "Financial position as at 30 September 2021",
        GOVERNANCE,
        datetime.date(2021, 11, 3),
        None,
        "The revenue and capital position of the Commissioner and the Constabulary at the end of "
        "the second quarter of 2021/22, and the forecast for the year.",
    ),
    (
        24,
        "Internal Audit reviews - OPCC",
        GOVERNANCE,
        datetime.date(2021, 11, 3),
        (
            "Effective conduct of public affairs: Freedom of Information Act 2000, section 36",
            "The internal auditors' findings on the Office's controls and the actions agreed.",
        ),
        "",
    ),
]

PLAN_DECISION = {
    "number": 28,
    "title": "Police and Crime Plan 2021 - 2025",
    "date": datetime.date(2022, 1, 6),
    "executive_summary": "To consider the draft Police and Crime Plan 2021-2025.",
    "recommendation": "That the Police and Crime Commissioner approves the draft Police and "
    "Crime Plan 2021-2025.",
    "background": """\
Section 5 of the Police Reform and Social Responsibility Act 2011 requires a Police and Crime \
Commissioner to issue a police and crime plan within the financial year in which an ordinary \
election is held.

The plan must set out:

* the Commissioner's police and crime objectives
* the policing the Chief Constable is to provide
* the financial and other resources the Commissioner will give the Chief Constable
* how the Chief Constable will report to the Commissioner on that policing
* how the Chief Constable's performance will be measured
* the crime and disorder reduction grants the Commissioner will make, and their conditions

A plan covers the Commissioner's term of office and may be varied during it.

Before issuing a plan the Commissioner must prepare a draft, consult the Chief Constable on it, \
send it to the Police and Crime Panel, have regard to any report or recommendations the Panel \
makes, and give and publish a response.

The Panel considered a draft on 12 October 2021. It made no formal report, but its views have \
been reflected in the plan. It received the final draft at its meeting on 6 December 2021.

## The plan

The plan has five priorities, chosen with the public and partners across Lancashire:

* Getting tough on anti-social behaviour
* Disrupting and dismantling organised crime
* Tackling domestic abuse and sexual violence
* Cracking down on burglary and robbery
* Targeting dangerous drivers

Around them it sets out how policing will be delivered efficiently and effectively, a new \
environment and sustainability strategy for 2022, diversity and inclusion, support for victims, \
partnership with the community safety partnerships, and how the Commissioner will monitor the \
Chief Constable and publish his decisions. It ends with the measures by which the Chief Constable \
will be held to account.

The Chief Constable was consulted on the draft plan. Community safety partnerships, third \
sector organisations and other partners were consulted, and the public were asked about their \
priorities.
""",
    "legal_implications": "The statutory requirements for the plan, and for the Panel's "
    "consideration of it, are those of the Police Reform and Social Responsibility Act 2011 set "
    "out above.",
    "financial_implications": "The plan has been drawn up in the context of the budget and "
    "precept the Commissioner has set. Future budgets and medium-term financial plans will take "
    "account of the plan and aim to deliver its objectives.",
    "equality_implications": "The plan has been prepared to ensure equality of service for "
    "everyone, and equal treatment of the officers and staff of the Constabulary and of the "
    "Commissioner. Through the Accountability Board the Commissioner will monitor and scrutinise "
    "the delivery of its objectives.",
    "consultation_implications": "The Chief Constable, partners, stakeholders and the public were "
    "consulted, as set out above.",
    "background_papers": "* Police Reform and Social Responsibility Act 2011\n"
    "* [Police and Crime Plan 2021-2025](/plans/police-and-crime-plan-2021-2025/)",
}

DRAFTS = [
    (
        "Environment and Sustainability Strategy 2022",
        "To approve the Commissioner's first Environment and Sustainability Strategy, which sets "
        "carbon goals for the police estate and fleet.",
        False,
    ),
    (
        "Proposed police precept 2022/23",
        "To propose the policing part of the council tax for 2022/23 to the Police and Crime "
        "Panel.",
        True,  # submitted to the monitoring officer
    ),
]


# The seed decisions with financial implications (the others have none), as the form sets them out.
FINANCIAL_IMPLICATIONS = {
    17: "Met from the community safety budget for 2021/22.",
    18: "The value of the contract is set out in Part 2.",
    23: "Set out in the report: the forecast is within the budget for 2021/22.",
    28: PLAN_DECISION["financial_implications"],
}
GROUNDS = {
    "Commercially sensitive": "commercial",
    "Personal information": "personal",
    "Law enforcement": "law_enforcement",
}


def _normalised(text):
    return re.sub(r"[^a-z]", "", text.lower())


def _priority(title, on):
    candidates = Priority.objects.filter(
        plan__slug=PLAN_2016, plan__term_start__lte=on
    ).select_related("plan")
    for priority in candidates:
        if _normalised(priority.title) == _normalised(title):
            return priority
    return None


def _at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def _officer(publisher):
    return get_user_model().objects.filter(username="editor").first() or publisher


def _holder(kind, on):
    """Whoever held the office of ``kind`` on the day ``on``, or None."""
    holding = OfficeHolding.objects.on(on).filter(office__kind=kind).select_related("user")
    holding = holding.order_by("-starts_on").first()
    return holding.user if holding else None


def _grounds(exemption):
    return next(
        (grounds for prefix, grounds in GROUNDS.items() if exemption.startswith(prefix)),
        DecisionPart2.Grounds.OTHER,
    )


def _record(*, number, fields, priority, on, part2, officer):
    """Take one decision from the seeds through the real workflow to publication, each step by
    the holder of its office that day."""
    if Decision.objects.filter(financial_year=2021, number=number).exists():
        return False
    priority_obj = None
    if priority not in (ALL, GOVERNANCE):
        priority_obj = _priority(priority, on)
        if priority_obj is None:
            return None  # the plans demo is not loaded: leave this one out
    try:
        services.continue_numbering(financial_year=2021, last_number=number - 1)
    except InvalidTransition:
        return None  # the year's numbering is already past this one
    financial = FINANCIAL_IMPLICATIONS.get(number, "")
    decision = Decision.objects.create(
        **{**fields, "financial_implications": financial},
        priority_scope="plan" if priority_obj else priority,
        is_restricted=part2 is not None,
        decision_maker=Office.objects.of_kind(Office.Kind.COMMISSIONER).get(),
        has_financial_implications=bool(financial),
        created_by=officer,
    )
    if priority_obj:
        decision.priorities.add(priority_obj)
    if part2:
        DecisionPart2.objects.create(
            decision=decision, grounds=_grounds(part2[0]), exemption=part2[0], content=part2[1]
        )
    services.submit_decision(decision=decision, by=officer, at=_at(on, 9))
    services.declare_decision(
        decision=decision, by=_holder(Office.Kind.MONITORING_OFFICER, on), at=_at(on, 10)
    )
    if financial:
        services.declare_decision_finance(
            decision=decision, by=_holder(Office.Kind.CHIEF_FINANCE_OFFICER, on), at=_at(on, 11)
        )
    services.sign_decision(
        decision=decision, by=_holder(Office.Kind.COMMISSIONER, on), signed_at=_at(on)
    )
    services.publish_decision(decision=decision, by=officer, note="First publication")
    return True


def _missing_offices(days):
    """The offices nobody held on one of ``days``: without their holders the seed decisions
    cannot be declared and signed."""
    kinds = [
        Office.Kind.MONITORING_OFFICER,
        Office.Kind.CHIEF_FINANCE_OFFICER,
        Office.Kind.COMMISSIONER,
    ]
    return sorted(
        {Office.Kind(kind).label for kind in kinds for day in days if _holder(kind, day) is None}
    )


def load(*, publisher):
    officer = _officer(publisher)
    days = [row[3] for row in PANEL_REPORT_DECISIONS] + [PLAN_DECISION["date"]]
    missing = _missing_offices(days)
    if missing:
        return (
            f"left out: nobody holds the office of {' or '.join(missing)} on the seed "
            "decisions' dates (load_demo creates the demo accounts that do)"
        )
    made, skipped = [], []
    for number, title, priority, on, part2, summary in PANEL_REPORT_DECISIONS:
        fields = {
            "title": title,
            "report_by": REPORT_BY,
            "executive_summary": summary or f"A restricted decision: {title}.",
            "recommendation": "That the Commissioner approves the recommendation of the report.",
            "background": summary or "Set out in Part 2.",
        }
        outcome = _record(
            number=number,
            fields=fields,
            priority=priority,
            on=on,
            part2=part2,
            officer=officer,
        )
        (made if outcome else skipped if outcome is None else []).append(f"{number}/2021")

    plan_fields = {k: v for k, v in PLAN_DECISION.items() if k not in ("number", "date")}
    outcome = _record(
        number=PLAN_DECISION["number"],
        fields={**plan_fields, "report_by": REPORT_BY},
        priority=ALL,
        on=PLAN_DECISION["date"],
        part2=None,
        officer=officer,
    )
    (made if outcome else skipped if outcome is None else []).append("28/2021")

    for title, summary, submitted in DRAFTS:
        draft, created = Decision.objects.get_or_create(
            title=title,
            defaults={
                "report_by": REPORT_BY,
                "executive_summary": summary,
                "recommendation": "That the Commissioner approves the proposal.",
                "background": summary,
                "financial_implications": "Set out in the report.",
                "decision_maker": Office.objects.of_kind(Office.Kind.COMMISSIONER).get(),
                "priority_scope": GOVERNANCE if submitted else ALL,
                "created_by": officer,
            },
        )
        if created:
            made.append(f"draft \u201c{title}\u201d")
            if submitted:
                # Declared by the monitoring officer, awaiting the chief finance officer's.
                services.submit_decision(decision=draft, by=officer)
                today = timezone.localdate(draft.submitted_at)
                services.declare_decision(
                    decision=draft, by=_holder(Office.Kind.MONITORING_OFFICER, today)
                )

    report, created = DecisionsReport.objects.get_or_create(
        period_start=datetime.date(2021, 10, 1),
        period_end=datetime.date(2021, 11, 30),
        defaults={
            "title": "Police and Crime Commissioner decisions",
            "meeting_date": datetime.date(2021, 12, 6),
            "contact": "Ian Dickinson, 01772 533462, Office of the Police and Crime Commissioner",
            "introduction": "The Commissioner publishes every decision he makes on this site, "
            "with the Director's delegated decisions. Under section 28(6) of the Police Reform "
            "and Social Responsibility Act 2011 the Panel reviews and scrutinises them.",
        },
    )
    if created or not report.versions.exists():
        publishing.publish(
            obj=report, by=publisher, note="For the Panel meeting of 6 December 2021"
        )
        made.append("the Panel's decisions report")

    summary = f"made {', '.join(made)}" if made else "all decisions present"
    if skipped:
        summary += f"; left out {', '.join(skipped)} (the 2016-2021 plan's priorities are missing)"
    return summary
