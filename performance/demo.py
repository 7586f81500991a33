"""Demonstration data: quarterly figures for the 2021-2025 plan's measures, the quarterly report
for July to September 2021, and the strategic scrutiny meeting of 15 November 2021.

Figures are made up and flagged ``demonstration`` (every page that shows them says so), except
where the plan gives a real one: about 96,000 anti-social behaviour reports in 2020-21, and on the
roads in 2020 2,354 collisions with 3,213 casualties, 25 of them killed. Runs after plans.demo
and skips, saying why, if the 2021-2025 plan is not there.
"""

import datetime
import math
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pcc_portal.publications import services as publishing

from .models import DataPoint, MeasureCommentary, Paper, QuarterlyReport, ScrutinyAction
from .models import ScrutinyMeeting as Meeting
from .periods import Period

PLAN_SLUG = "police-and-crime-plan-2021-2025"
FIRST = Period.quarter(2018, 1)  # a year before the series, for comparisons only
SHOWN_FROM = Period.quarter(2019, 1)
LAST = Period.quarter(2024, 4)
SOURCE = "Demonstration figures"

# Quarterly seasonality (Q1 April-June ... Q4 January-March).
SEASON = {
    "asb": (0.27, 0.30, 0.24, 0.19),
    "roads": (0.24, 0.27, 0.27, 0.22),
    "flat": (0.25, 0.25, 0.25, 0.25),
}

# (words in the measure, quarterly base or yearly total, season, yearly trend, note)
PROFILES = [
    (
        "anti-social behaviour incidents",
        96_000,
        "asb",
        -0.04,
        "The plan: about 96,000 reports of anti-social behaviour in 2020-21.",
    ),
    (
        "killed or seriously injured",
        820,
        "roads",
        -0.03,
        "The plan: 25 people were killed on Lancashire's roads in 2020.",
    ),
    (
        "vulnerable road users",
        1_285,
        "roads",
        -0.03,
        "About four in ten of the 3,213 casualties of the 2,354 collisions in 2020 (the plan).",
    ),
    ("homicides", 18, "flat", -0.05, ""),
    ("serious violence", 1_450, "flat", -0.02, ""),
    ("burglary and robbery offences", 7_600, "flat", -0.05, ""),
    ("neighbourhood crime", 16_500, "flat", -0.04, ""),
    ("repeat burglary", 420, "flat", -0.04, ""),
    ("reporting of domestic abuse", 26_000, "flat", 0.04, ""),
    ("brought to justice", 1_900, "flat", 0.05, ""),
    ("asset seizures", 640, "flat", 0.03, ""),
    ("national referral mechanism", 260, "flat", 0.06, ""),
    ("exploitation offences", 330, "flat", 0.02, ""),
    ("cyber breach", 150, "flat", 0.03, ""),
    ("drugs supply", 120, "flat", 0.06, ""),
    ("disruption of organised", 180, "flat", 0.05, ""),
    ("civil orders", 240, "flat", 0.08, ""),
    ("problem-solving", 130, "flat", 0.06, ""),
    ("protection orders", 210, "flat", 0.09, ""),
    ("prosecutions, vehicle seizures", 5_200, "roads", 0.05, ""),
    ("camera van", 1_100, "flat", 0.04, ""),
]
# Percentages: (words, level, yearly change in points, target)
PERCENTAGES = [
    ("public confidence", 74.0, 0.6, None),
    ("satisfaction", 71.0, 0.8, None),
    ("positive outcomes", 9.5, 0.4, None),
    ("victim code", 88.0, 1.0, 95),
    ("repeat offending", 29.0, -0.5, None),
    ("repeat victimisation", 33.0, -0.6, None),
    ("crime recording", 91.0, 0.7, 95),
    ("101 and 999", 82.0, 1.2, 90),
]

# The 2020-21 pandemic quarters: less burglary, more anti-social behaviour reports.
ASB = "anti-social behaviour incidents"
PANDEMIC = {
    Period.quarter(2020, 1): {
        "burglary and robbery offences": 0.72,
        "neighbourhood crime": 0.75,
        ASB: 1.18,
        "killed or seriously injured": 0.7,
        "vulnerable road users": 0.7,
    },
    Period.quarter(2020, 4): {
        "burglary and robbery offences": 0.85,
        "neighbourhood crime": 0.85,
        "killed or seriously injured": 0.85,
        "vulnerable road users": 0.85,
    },
}


def _quarters():
    period, out = FIRST, []
    while period <= LAST:
        out.append(period)
        period = Period.quarter_containing(period.end + datetime.timedelta(days=1))
    return out


def _wobble(index, salt):
    """Deterministic noise of a few per cent, so every run makes the same figures."""
    return 0.035 * math.sin(index * 1.9 + salt) + 0.02 * math.cos(index * 0.7 + 2 * salt)


def _count_series(measure, yearly, season, trend, profile):
    quarters = _quarters()
    salt = (measure.pk or 1) % 7
    values = {}
    for index, period in enumerate(quarters):
        years = (period.financial_year - 2020) + (period.quarter_number - 1) / 4
        value = yearly * SEASON[season][period.quarter_number - 1] * (1 + trend) ** years
        value *= 1 + _wobble(index, salt)
        value *= PANDEMIC.get(period, {}).get(profile, 1)
        values[period] = Decimal(max(round(value), 0))
    if profile == ASB:
        # The plan's real figure: 2020-21's four quarters add up to 96,000 reports.
        year = [p for p in quarters if p.financial_year == 2020]
        total = sum(values[p] for p in year)
        for period in year:
            values[period] = (values[period] * 96_000 / total).quantize(Decimal(1))
        values[year[-1]] += 96_000 - sum(values[p] for p in year)
    return values


def _percent_series(measure, level, change, words):
    salt = (measure.pk or 1) % 5
    values = {}
    for index, period in enumerate(_quarters()):
        years = (period.financial_year - 2019) + (period.quarter_number - 1) / 4
        value = level + change * years + 1.2 * math.sin(index * 1.3 + salt)
        values[period] = Decimal(str(round(min(max(value, 0), 100), 1)))
    return values


def _series_for(measure):
    words = measure.wording.lower()
    if measure.unit == "%":
        for key, level, change, target in PERCENTAGES:
            if key in words:
                return _percent_series(measure, level, change, words), target, ""
        return _percent_series(measure, 70.0, 0.5, words), None, ""
    if measure.unit == "£":
        # Efficiency savings, cumulative pounds over the plan.
        return {p: Decimal(1_200_000 + 150_000 * i) for i, p in enumerate(_quarters())}, None, ""
    for key, yearly, season, trend, note in PROFILES:
        if key in words:
            return _count_series(measure, yearly, season, trend, key), None, note
    return _count_series(measure, 400, "flat", 0.0, ""), None, ""


def _load_figures(plan, publisher):
    numeric = list(plan.measures.exclude(unit=""))
    have = set(DataPoint.objects.filter(measure__in=numeric).values_list("measure_id", flat=True))
    released_at = timezone.now()  # released as loaded, so the demonstration site shows them
    points = []
    for measure in numeric:
        if measure.pk in have:
            continue  # already loaded (or entered by someone): never overwritten
        values, target, note = _series_for(measure)
        for period in _quarters():
            if period < SHOWN_FROM:
                continue
            last_year = Period.quarter(period.financial_year - 1, period.quarter_number)
            # The note names the plan's real figure on the periods it describes.
            real = note and (
                period.financial_year == 2020 if "2020-21" in note else period.start.year == 2020
            )
            points.append(
                DataPoint(
                    measure=measure,
                    period_kind=period.kind,
                    period_start=period.start,
                    value=values[period],
                    comparison_value=values.get(last_year),
                    target=None if target is None else Decimal(target),
                    source=SOURCE,
                    note=note if real else "",
                    demonstration=True,
                    entered_by=publisher,
                    released_at=released_at,
                    released_by=publisher,
                )
            )
    bulk_create_with_history(
        points,
        DataPoint,
        batch_size=500,
        default_user=publisher,
        default_change_reason="Demonstration figures loaded",
    )
    return len(points)


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


def load(*, publisher):
    from plans.models import Plan

    plan = Plan.objects.filter(slug=PLAN_SLUG).first()
    if plan is None:
        return f"skipped: the plans demo has not made the plan {PLAN_SLUG!r} yet"
    figures = _load_figures(plan, publisher)
    commentary = _load_commentary(plan, publisher)
    report, report_made = _load_report(plan, publisher)
    meeting, meeting_made = _load_meeting(report, publisher)
    return (
        f"{figures} demonstration figures, {commentary} commentaries, "
        f"report {report.slug} {'made' if report_made else 'kept'}, "
        f"scrutiny meeting of {meeting.date:%-d %B %Y} {'made' if meeting_made else 'kept'}"
    )
