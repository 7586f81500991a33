"""The demonstration commentary, the quarterly report for July to September 2021 and the
strategic scrutiny meeting of 15 November 2021 that considered it."""

import datetime

from pcc_portal.publications import services as publishing

from ..models import MeasureCommentary, Paper, QuarterlyReport, ScrutinyAction
from ..models import ScrutinyMeeting as Meeting

COMMENTARY = {
    "inspections": "HMICFRS's inspection programme continued during the pandemic. The "
    "Commissioner tracks every recommendation and area for improvement to completion.",
    "value for money determination": "The external auditor gave an unqualified value for "
    "money conclusion on the 2020-21 accounts. *(Demonstration text.)*",
    "value for money profiles": "Spending per head on visible policing is above the national "
    "average; back-office costs are below it. *(Demonstration text.)*",
    "benefits": "The new command and control system is live; the benefits are tracked at each "
    "scrutiny meeting. *(Demonstration text.)*",
    "repeat offenders": "Divisional teams now hold a monthly list of the most persistent "
    "offenders, reviewed at the tasking meeting. *(Demonstration text.)*",
    "visibility": "Patrol plans cover each of the hot spot areas agreed with community safety "
    "partnerships. *(Demonstration text.)*",
    "serious organised crime": "Cease and desist letters are now issued to the associates of "
    "every mapped organised crime group. *(Demonstration text.)*",
    "targeting of persistent": "Operation data shows repeat burglary suspects are arrested "
    "sooner. *(Demonstration text.)*",
    "cyber": "Confidence in the response to cyber crime is measured through the Constabulary's "
    "survey of businesses. *(Demonstration text.)*",
}


def _load_commentary(plan, publisher):
    made = 0
    for measure in plan.measures.filter(unit=""):
        if MeasureCommentary.objects.filter(measure=measure).exists():
            continue
        words = measure.wording.lower()
        text = next((t for key, t in COMMENTARY.items() if key in words), None) or (
            "Reported to the strategic scrutiny meeting in words, not numbers. "
            "*(Demonstration text.)*"
        )
        MeasureCommentary.objects.create(
            measure=measure, date=datetime.date(2021, 10, 29), text=text, written_by=publisher
        )
        made += 1
    return made


HEADLINES = """\
* Demonstration figures: the numbers in this report are made up to show how the portal \
presents them, except where a note names the Police and Crime Plan as the source.
* Anti-social behaviour reports were lower than in the same quarter of 2020, when lockdown \
brought a sharp rise; they remain the public's top concern.
* Road casualties remain below their level before the pandemic, and enforcement against the \
"fatal five" increased.
* Demand on the Force Control Room and on officers attending mental health calls remains high, \
and was discussed at the scrutiny meeting of 15 November 2021.
"""

PRIORITY_COMMENTARY = {
    1: "Reports of anti-social behaviour fell back from the lockdown peak. The Commissioner "
    "asked for more use of civil orders against persistent offenders.",
    2: "Serious violence and homicide remain rare but are monitored closely, alongside the "
    "disruption of county lines and the seizure of criminal assets.",
    3: "More victims of domestic abuse and sexual violence are reporting to the police. Drink "
    "spiking reports rose this autumn and are being investigated with licensed premises.",
    4: "Residential burglary and robbery remain below their level before the pandemic; the "
    "Commissioner wants more offenders brought to justice.",
    5: "The Constabulary's road safety briefing set out its part in the Lancashire Road Safety "
    "Partnership, which the Deputy Commissioner now chairs.",
}

NATIONAL_STATEMENT = """\
The Home Secretary's national crime and policing measures are: reducing murder and other \
homicides; reducing serious violence; disrupting drugs supply and county lines; reducing \
neighbourhood crime; tackling cyber crime; and improving victims' satisfaction, especially \
victims of domestic abuse.

Lancashire Constabulary's contribution to each is reported here every quarter, and the \
Commissioner holds the Chief Constable to account for it at the strategic scrutiny meeting.
"""


def _load_report(plan, publisher):
    report, created = QuarterlyReport.objects.get_or_create(
        financial_year=2021,
        quarter=2,
        defaults={
            "plan": plan,
            "headlines": HEADLINES,
            "national_statement": NATIONAL_STATEMENT,
            "presented_on": datetime.date(2021, 11, 15),
        },
    )
    if created:
        for priority in plan.priorities.all():
            text = PRIORITY_COMMENTARY.get(priority.number)
            if text:
                report.commentary.create(priority=priority, text=text)
    if not report.versions.exists():
        publishing.publish(
            obj=report,
            by=publisher,
            note="Published for the Police and Crime Panel meeting of 6 December 2021.",
        )
    return report, created


MEETING_NOTE = """\
The Commissioner held his regular quarterly strategic scrutiny meeting with the Chief \
Constable. He received the Constabulary's update on force performance for July to September \
2021, and a briefing paper on its approach to road safety, including its contribution to the \
Lancashire Road Safety Partnership.

The Commissioner questioned the Chief Constable on:

* the demand on the Force Control Room and the current 101 and 999 service levels;
* the demand that mental health calls place on the Constabulary and its effect on frontline \
policing;
* the level of sexual offences, and reports linked to the "spiking" of drinks.

*The actions below are illustrative: they show how actions are carried forward until closed.*
"""


def _load_meeting(report, publisher):
    meeting, created = Meeting.objects.get_or_create(
        date=datetime.date(2021, 11, 15),
        defaults={
            "attendees": "Andrew Snowden, Police and Crime Commissioner\n"
            "Andrew Pratt, Deputy Police and Crime Commissioner\n"
            "The Chief Constable and chief officers, Lancashire Constabulary\n"
            "Angela Harrison, Director, Office of the Police and Crime Commissioner",
            "topics": "Force performance, July to September 2021\n"
            "Road safety and the Lancashire Road Safety Partnership\n"
            "Demand on the Force Control Room and service levels\n"
            "Mental health demand and its effect on frontline policing\n"
            "Sexual offences and the spiking of drinks",
            "note": MEETING_NOTE,
            "report": report,
        },
    )
    if created:
        Paper.objects.create(
            meeting=meeting,
            order=1,
            title="Road safety: the Constabulary's approach and its contribution to the "
            "Lancashire Road Safety Partnership",
            presented_by="Lancashire Constabulary",
        )
        priorities = {p.title: p for p in report.plan.priorities.all()}
        for description, due, about in (
            (
                "Report the Force Control Room's 101 and 999 service levels, with the plan to "
                "recover them, to the next scrutiny meeting.",
                datetime.date(2022, 2, 14),
                [],
            ),
            (
                "Brief the Commissioner on the response to reports of drink spiking, with partners "
                "in the night-time economy.",
                datetime.date(2022, 1, 31),
                ["Tackling domestic abuse and sexual violence"],
            ),
            (
                "Set out the mental health demand on frontline officers and the agreement sought "
                "with health partners.",
                datetime.date(2022, 2, 14),
                [],
            ),
            (
                "Report the effect of the average speed cameras reviewed by the Lancashire Road "
                "Safety Partnership on speeding and casualties.",
                datetime.date(2022, 2, 14),
                ["Targeting dangerous drivers"],
            ),
        ):
            action = ScrutinyAction.objects.create(
                raised_at=meeting, description=description, owner="Chief Constable", due_date=due
            )
            action.priorities.set([priorities[title] for title in about if title in priorities])
    if not meeting.versions.exists():
        publishing.publish(obj=meeting, by=publisher, note="Note of the meeting published.")
    return meeting, created
