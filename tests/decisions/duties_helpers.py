"""Decisions for the separation-of-duties tests, each taken as far as a step: a draft for an
office by an author, then submitted, declared and signed on fixed days."""

from decisions import services
from decisions.models import Decision
from pcc_portal.accounts.models import Office
from tests.decisions.conftest import at, declare
from tests.decisions.factories import DecisionFactory

Status = Decision.Status
SUBMITTED_ON, DECLARED_ON, SIGNED_ON = at(2021, 11, 1), at(2021, 11, 2), at(2021, 11, 3)


def _office(kind_or_title):
    if kind_or_title in Office.Kind.values:
        return Office.objects.of_kind(kind_or_title).get()
    return Office.objects.get(title=kind_or_title)


def _draft(people, *, office=Office.Kind.COMMISSIONER, author="editor", **fields):
    return DecisionFactory(decision_maker=_office(office), created_by=people[author], **fields)


def _submitted(people, author="editor", **fields):
    decision = _draft(people, author=author, **fields)
    services.submit_decision(decision=decision, by=people[author], at=SUBMITTED_ON)
    return decision


def _declared(people, **fields):
    decision = _submitted(people, **fields)
    return declare(decision, at=DECLARED_ON)


def _signed(people, **fields):
    decision = _declared(people, **fields)
    signatory = {Office.Kind.DEPUTY: "deputy"}.get(fields.get("office"), "commissioner")
    services.sign_decision(decision=decision, by=people[signatory], signed_at=SIGNED_ON)
    return decision
