"""Demo casework from the Lancashire seeds: the precept for 2022/23, whose meeting of
1 February 2022 the 6 December 2021 agenda names (with an "if required" meeting on 15 February
for a veto). Band D was £226.45 in 2021/22, after the £15 rise the Panel supported in February
2021; the figures for 2022/23 and the narrative are the portal's demo. The confirmation hearing
of Andrew Pratt, the Deputy Commissioner the seed's minutes name, and the review of the
2020/21 annual report are placed at the Panel's meeting of 20 July 2021."""

import datetime
from decimal import Decimal

import weasyprint
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from panel.models import Meeting, Member, Panel

from . import services
from .models import Case, Complaint, QuestionWindow, Step, SubmittedQuestion


def _pdf(title, text):
    html = (
        f'<html lang="en"><head><title>{title}</title></head>'
        f"<body><h1>{title}</h1><p>{text}</p></body></html>"
    )
    return SimpleUploadedFile(
        "document.pdf", weasyprint.HTML(string=html).write_pdf(), "application/pdf"
    )


def _members_on(panel, on):
    return Member.objects.current(on=on).filter(panel=panel).count() or None


def _case(panel, by, *, meeting_on, steps, **fields):
    """Open a case at the Panel's meeting on ``meeting_on`` (where the seeds have it), record
    its ``steps`` (kind, date, fields, document title, summary) and release it; None if the
    demo made it already."""
    made = Case.objects.filter(
        kind=fields["kind"], year=fields.get("year"), candidate=fields.get("candidate", "")
    )
    if made.exists():
        return None
    meeting = Meeting.objects.filter(date=meeting_on).first()
    case = services.open_case(case=Case(panel=panel, meeting=meeting, **fields), by=by)
    for kind, on, step_fields, document_title, summary in steps:
        step = Step(case=case, kind=kind, date=on, summary=summary, **step_fields)
        document = None
        if document_title:
            step.document_title = document_title
            document = _pdf(document_title, summary)
        services.record_step(step=step, document=document, by=by)
    services.release_case(case=case, by=by, note="First release of the case.")
    return case


def _precept(panel, by):
    steps = [
        (
            Step.Kind.PROPOSAL,
            datetime.date(2022, 1, 24),
            {"amount": Decimal("236.45")},
            "The Commissioner's proposed precept 2022/23",
            "The Commissioner notified the Panel of a proposed Band D precept of £236.45, a "
            "rise of £10 (4.4%) on £226.45, with the budget report and the results of the "
            "precept survey.",
        ),
        (
            Step.Kind.HEARING,
            datetime.date(2022, 2, 1),
            {},
            "",
            "The Commissioner presented the proposal and answered members' questions at the "
            "Panel's meeting in public.",
        ),
        (
            Step.Kind.REPORT,
            datetime.date(2022, 2, 1),
            {
                "outcome": Step.Outcome.SUPPORTED,
                "members_in_office": _members_on(panel, datetime.date(2022, 2, 1)),
            },
            "The Panel's report on the proposed precept 2022/23",
            "The Panel supported the proposed precept without a veto and made no recommendations.",
        ),
        (
            Step.Kind.RESPONSE,
            datetime.date(2022, 2, 4),
            {"outcome": Step.Outcome.ACCEPTED},
            "",
            "The Commissioner thanked the Panel and confirmed the precept would be issued as "
            "proposed.",
        ),
        (
            Step.Kind.FINAL,
            datetime.date(2022, 2, 14),
            {"amount": Decimal("236.45")},
            "",
            "The precept was issued to Lancashire's billing authorities.",
        ),
    ]
    return _case(
        panel,
        by,
        meeting_on=datetime.date(2022, 2, 1),
        steps=steps,
        kind=Case.Kind.PRECEPT,
        year=2022,
        summary="The Commissioner proposed a Band D policing precept of £236.45 for 2022/23, "
        "£10 more than in 2021/22. The Panel reviewed it at its meeting of 1 February 2022 and "
        "supported it, so the “if required” meeting of 15 February was not needed.",
    )


JULY_2021 = datetime.date(2021, 7, 20)


def _hearing(panel, by):
    steps = [
        (
            Step.Kind.PROPOSAL,
            datetime.date(2021, 7, 2),
            {},
            "Proposed appointment of the Deputy Police and Crime Commissioner",
            "The Commissioner notified the Panel of the proposed appointment, with the role "
            "profile, the candidate's experience and the terms of appointment.",
        ),
        (
            Step.Kind.HEARING,
            JULY_2021,
            {},
            "",
            "Members asked the candidate about his experience, his independence from the "
            "Commissioner's political role and his priorities for victims and criminal justice.",
        ),
        (
            Step.Kind.REPORT,
            JULY_2021,
            {
                "outcome": Step.Outcome.SUPPORTED,
                "members_in_office": _members_on(panel, JULY_2021),
            },
            "The Panel's report on the proposed appointment of the Deputy Commissioner",
            "The Panel recommended that the appointment be made.",
        ),
        (
            Step.Kind.RESPONSE,
            datetime.date(2021, 7, 23),
            {"outcome": Step.Outcome.ACCEPTED},
            "",
            "The Commissioner accepted the Panel's recommendation and made the appointment.",
        ),
    ]
    return _case(
        panel,
        by,
        meeting_on=JULY_2021,
        steps=steps,
        kind=Case.Kind.CONFIRMATION,
        post=Case.Post.DEPUTY,
        candidate="Andrew Pratt",
        summary="The Commissioner proposed to appoint Andrew Pratt as Deputy Police and Crime "
        "Commissioner. The Panel held a public confirmation hearing and recommended the "
        "appointment.",
    )


def _annual_report(panel, by):
    steps = [
        (
            Step.Kind.PROPOSAL,
            datetime.date(2021, 7, 9),
            {},
            "Annual report 2020/21",
            "The Commissioner's annual report on the exercise of his functions in 2020/21 and "
            "the progress made against the Police and Crime Plan 2016-2021.",
        ),
        (
            Step.Kind.HEARING,
            JULY_2021,
            {},
            "",
            "The Commissioner presented the report and answered members' questions.",
        ),
        (
            Step.Kind.REPORT,
            JULY_2021,
            {"outcome": Step.Outcome.RECOMMENDATIONS},
            "The Panel's report on the annual report 2020/21",
            "The Panel noted the report and recommended that future annual reports show "
            "progress against each of the plan's measures.",
        ),
        (
            Step.Kind.RESPONSE,
            datetime.date(2021, 8, 13),
            {"outcome": Step.Outcome.ACCEPTED},
            "",
            "The Commissioner accepted the recommendation for the annual report 2021/22.",
        ),
    ]
    return _case(
        panel,
        by,
        meeting_on=JULY_2021,
        steps=steps,
        kind=Case.Kind.ANNUAL_REPORT,
        year=2020,
        summary="The annual report for 2020/21 on the Police and Crime Plan 2016-2021, the last "
        "year of the previous Commissioner's plan, reviewed by the Panel in public.",
    )


# A year of complaints for the public figures: 2021/22. The seed's minutes of 12 October and
# 6 December 2021 each report one complaint received since the last meeting and being assessed.
# The records are the demo's own and name nobody real.
COMPLAINTS_2021 = [
    ("commissioner", (2021, 5, 28), "recorded", None, "resolved"),
    ("commissioner", (2021, 7, 2), "not_recorded", None, ""),
    ("deputy", (2021, 8, 16), "recorded", None, "resolved"),
    ("commissioner", (2021, 9, 15), "pending", None, ""),
    ("commissioner", (2021, 11, 22), "pending", None, ""),
    ("commissioner", (2022, 1, 10), "recorded", (2022, 1, 11), ""),
]


def _complaints(panel, by):
    if Complaint.objects.exists():
        return 0
    for number, (subject, received, recording, referred, outcome) in enumerate(
        COMPLAINTS_2021, start=1
    ):
        received = datetime.date(*received)
        decided = received + datetime.timedelta(days=5) if recording != "pending" else None
        complaint = Complaint(
            panel=panel,
            subject=subject,
            received_on=received,
            complainant_name=f"Demo complainant {number}",
            details="A demo record: the details of a complaint are never published.",
            recording=recording,
            recording_decided_on=decided,
            not_recorded_reason="It was about an operational policing matter for the Chief "
            "Constable, not the conduct of the Commissioner."
            if recording == "not_recorded"
            else "",
        )
        if referred:
            complaint.serious = True
            complaint.referred_on = datetime.date(*referred)
            complaint.recording_decided_on = received
        if outcome:
            complaint.informal_resolution_started_on = decided
            complaint.outcome = outcome
            complaint.outcome_on = decided + datetime.timedelta(days=21)
        services.save_complaint(complaint=complaint, by=by)
    return len(COMPLAINTS_2021)


# Two questions the public asked online for the precept meeting of 1 February 2022; the
# askers are the demo's own, one of them with the name withheld.
QUESTIONS = [
    (
        "Sam Whitworth",
        False,
        "How much of the proposed rise in the precept will pay for neighbourhood officers in "
        "Burnley and Pendle?",
    ),
    (
        "Withheld on request",
        True,
        "What will the Commissioner do about speeding on rural roads in the Ribble Valley?",
    ),
]


def _questions(panel):
    from panel.models import PublicQuestion

    meeting = Meeting.objects.filter(date=datetime.date(2022, 2, 1)).first()
    if meeting is None or QuestionWindow.objects.filter(meeting=meeting).exists():
        return 0
    deadline = datetime.datetime(2022, 1, 25, 12, 0, tzinfo=datetime.UTC)  # noon, GMT
    window = QuestionWindow.objects.create(meeting=meeting, deadline=deadline)
    for number, (name, withheld, text) in enumerate(QUESTIONS, start=1):
        public = PublicQuestion.objects.create(
            meeting=meeting, asker=name, name_withheld=withheld, question=text
        )
        SubmittedQuestion.objects.create(
            window=window,
            name=name,
            email=f"demo-asker-{number}@example.org",
            question=text,
            withhold_name=withheld,
            status=SubmittedQuestion.Status.ACCEPTED,
            asked_at=deadline - datetime.timedelta(days=3),
            confirmed_at=deadline - datetime.timedelta(days=3),
            decided_at=deadline,
            public_question=public,
        )
    return len(QUESTIONS)


def load(*, publisher):
    panel = Panel.objects.first()
    if panel is None:
        return "no panel: load the panel demo first"
    by = get_user_model().objects.filter(username="secretary").first() or publisher
    made = [
        c
        for c in [_precept(panel, by), _hearing(panel, by), _annual_report(panel, by)]
        if c is not None
    ]
    complaints = _complaints(panel, by)
    questions = _questions(panel)
    if not made and not complaints and not questions:
        return "casework present"
    return f"{len(made)} cases, {complaints} complaints, {questions} public questions"
