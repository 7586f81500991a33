"""Opening a case, recording its steps as the law allows them, and releasing it."""

import hashlib

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction

from pcc_portal.publications import services as publishing
from pcc_portal.publications.pdf_safety import InvalidPDF, make_safe, read_upload

from ..models import Case, CaseworkError, Step
from ..timetables import veto_majority, veto_refused

DOCUMENT_LIMIT = 15 * 1024 * 1024

# The steps that must come before each one.
REQUIRES = {
    Step.Kind.HEARING: [Step.Kind.PROPOSAL],
    Step.Kind.REPORT: [Step.Kind.PROPOSAL],
    Step.Kind.REVISED: [Step.Kind.REPORT],
    Step.Kind.SECOND_REPORT: [Step.Kind.REVISED],
    Step.Kind.RESPONSE: [Step.Kind.REPORT],
    Step.Kind.FINAL: [Step.Kind.PROPOSAL],
}
VOTED = {Step.Kind.REPORT, Step.Kind.SECOND_REPORT}


def _saved(obj, reason):
    """``obj`` saved, with ``reason`` (saying who) as its history's reason for the change."""
    obj._change_reason = reason
    obj.save()
    return obj


@transaction.atomic
def open_case(*, case, by):
    """Start a case: a year's precept or annual report, or a proposed appointment."""
    if case.kind == Case.Kind.CONFIRMATION:
        case.year = None
        if case.reserve_for_id:
            vetoed = case.reserve_for.steps.filter(
                kind=Step.Kind.REPORT, outcome=Step.Outcome.VETOED
            ).exists()
            if not vetoed:
                raise CaseworkError(
                    "A reserve candidate follows only a vetoed appointment.", "reserve_for"
                )
            case.post = case.reserve_for.post
    else:
        case.post = case.candidate = ""
    if (
        case.kind != Case.Kind.CONFIRMATION
        and Case.objects.filter(panel=case.panel, kind=case.kind, year=case.year).exists()
    ):
        raise CaseworkError(
            f"There is already a {case.get_kind_display().lower()} for that year.", "year"
        )
    return _saved(case, f"Opened by {by}")


@transaction.atomic
def change_case(*, case, by):
    """Save what staff changed in a case's details, with who changed it in its history."""
    return _saved(case, f"Changed by {by}")


def _check_document(upload):
    try:
        data = read_upload(upload, limit=DOCUMENT_LIMIT)
        return data, make_safe(data)
    except InvalidPDF as error:
        raise CaseworkError(str(error), "document") from error


def _check_order(case, step, steps):
    missing = [kind for kind in REQUIRES.get(step.kind, []) if kind not in steps]
    if missing:
        names = ", ".join(step.__class__(case=case, kind=k).label.lower() for k in missing)
        raise CaseworkError(f"Record the {names} first.", "kind")
    if step.kind in (Step.Kind.REVISED, Step.Kind.SECOND_REPORT):
        if case.kind != Case.Kind.PRECEPT:
            raise CaseworkError(
                "Only a vetoed precept has a revised precept and second report.", "kind"
            )
        if steps[Step.Kind.REPORT].outcome != Step.Outcome.VETOED:
            raise CaseworkError(
                "The Panel did not veto the precept: there is nothing to revise.", "kind"
            )
    if step.kind == Step.Kind.FINAL:
        if case.kind != Case.Kind.PRECEPT:
            raise CaseworkError("Only a precept is issued.", "kind")
        report = steps.get(Step.Kind.REPORT)
        if report is None:
            raise CaseworkError(
                "The precept may not be issued before the Panel has reported.", "kind"
            )
        if report.outcome == Step.Outcome.VETOED and Step.Kind.SECOND_REPORT not in steps:
            raise CaseworkError(
                "A vetoed precept may be issued only after the Panel has reported on the revised "
                "precept.",
                "kind",
            )
    earlier = [s for k, s in steps.items() if k in REQUIRES.get(step.kind, [])]
    for before in earlier:
        if step.date < before.date:
            raise CaseworkError(f"It cannot come before the {before.label.lower()}.", "date")


def _check_vote(case, step, steps):
    if step.kind not in VOTED:
        return
    if step.outcome == Step.Outcome.VETOED:
        refusal = veto_refused(case=case, step_kind=step.kind)
        if refusal:
            raise CaseworkError(refusal, "outcome")
        if not step.members_in_office or step.votes_for is None:
            raise CaseworkError(
                "Record the vote and the members in office to record a veto.", "votes_for"
            )
        needed = veto_majority(step.members_in_office)
        if step.votes_for < needed:
            raise CaseworkError(
                f"A veto needs at least two-thirds of the {step.members_in_office} members in "
                f"office: {needed} votes. {step.votes_for} is not enough; record the report as "
                "recommendations instead.",
                "votes_for",
            )
        if case.kind == Case.Kind.PRECEPT and not step.veto_direction:
            raise CaseworkError(
                "Say whether the Panel vetoed the precept as too high or too low.", "veto_direction"
            )
    votes = [step.votes_for, step.votes_against, step.abstentions]
    if step.members_in_office and sum(v or 0 for v in votes) > step.members_in_office:
        raise CaseworkError(
            "More votes were recorded than there were members in office.", "votes_for"
        )


def _check_amount(case, step, steps):
    if case.kind != Case.Kind.PRECEPT:
        step.amount = None
        return
    if step.kind in (Step.Kind.PROPOSAL, Step.Kind.REVISED, Step.Kind.FINAL) and not step.amount:
        raise CaseworkError("Give the precept for a Band D property.", "amount")
    if step.kind == Step.Kind.REVISED:
        report, proposed = steps[Step.Kind.REPORT], steps[Step.Kind.PROPOSAL].amount
        if report.veto_direction == Step.VetoDirection.TOO_HIGH and step.amount >= proposed:
            raise CaseworkError(
                f"The Panel vetoed £{proposed} as too high: the revised precept must be lower.",
                "amount",
            )
        if report.veto_direction == Step.VetoDirection.TOO_LOW and step.amount <= proposed:
            raise CaseworkError(
                f"The Panel vetoed £{proposed} as too low: the revised precept must be higher.",
                "amount",
            )


@transaction.atomic
def record_step(*, step, document=None, by):
    """Record a step of a case after checking the law allows it: in order, dated after what it
    follows, a veto only where the law gives one and carried by two-thirds of the members in
    office. A document is cleaned of scripts, actions and embedded files before it is kept;
    only the cleaned copy is ever served."""
    case = Case.objects.select_for_update().get(pk=step.case_id)
    steps = {s.kind: s for s in case.steps.exclude(pk=step.pk)}
    if step.kind in steps:
        raise CaseworkError(f"The {step.label.lower()} is recorded already.", "kind")
    if step.kind not in _kinds_for(case):
        raise CaseworkError(f"A {case.get_kind_display().lower()} has no such step.", "kind")
    _check_order(case, step, steps)
    _check_vote(case, step, steps)
    _check_amount(case, step, steps)
    if step.kind not in VOTED:
        step.outcome = step.outcome if step.kind == Step.Kind.RESPONSE else ""
        step.votes_for = step.votes_against = step.abstentions = step.members_in_office = None
    if step.outcome != Step.Outcome.VETOED:
        step.veto_direction = ""
    if document is not None:
        data, cleaned = _check_document(document)
        digest = hashlib.sha256(cleaned.content).hexdigest()[:16]
        step.original_document.save(
            f"{hashlib.sha256(data).hexdigest()[:16]}.pdf", ContentFile(data), save=False
        )
        step.document.save(f"{digest}.pdf", ContentFile(cleaned.content), save=False)
        step.document_removed = list(cleaned.removed)
        step.document_title = step.document_title or step.label
    step.recorded_by = by
    return _saved(step, f"Recorded by {by}")


def _kinds_for(case):
    from ..models import STEP_LABELS

    return set(STEP_LABELS[case.kind])


def _check_may_release(case, by):
    if not by.has_perm("casework.publish_case"):
        raise PermissionDenied(f"{by} may not release or withdraw the Panel's cases.")


@transaction.atomic
def release_case(*, case, by, note):
    """Release the case as it stands: the case, every step recorded so far and the cleaned
    document of each, frozen in a new record version that the public pages, the documents,
    search and the sitemap read from this transaction on. A step recorded later is public
    only once the case is released again."""
    _check_may_release(case, by)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if refusal := release_refusal(case=case):
        raise CaseworkError(refusal)
    return publishing.publish(obj=case, by=by, note=note)


def release_refusal(*, case):
    """Why ``case`` cannot be released as it stands, or ""."""
    if not case.steps.exists():
        return "Record at least one step before releasing the case."
    return ""


def withdraw_case(*, case, by, reason):
    """Take a released case off the public site for good, with the reason the public is told:
    its pages and documents answer 410 with the notice, and search and the sitemap drop it in
    the same transaction. It comes back only by a new release."""
    _check_may_release(case, by)
    return publishing.withdraw(obj=case, by=by, reason=reason)
