"""Separation of duties, by person and office: the author and the signatory never play a second
part, a decision is signed by the holder of its own office within that office's limit, and only
a holding current on the day counts."""

import datetime

import pytest

from decisions import services
from decisions.models import Decision
from pcc_portal.accounts import roles
from pcc_portal.accounts.models import Office
from pcc_portal.errors import InvalidTransition, NotPermitted
from tests.accounts.factories import UserFactory, hold
from tests.decisions.conftest import ENDED, at, declare
from tests.decisions.duties_helpers import (
    DECLARED_ON,
    SIGNED_ON,
    SUBMITTED_ON,
    Status,
    _declared,
    _draft,
    _office,
    _signed,
    _submitted,
)

pytestmark = pytest.mark.django_db


# --- the author and the signatory -----------------------------------------------------------------
def test_the_author_never_declares_on_their_own_decision(people):
    # An editor who also holds the Monitoring Officer office, and one who is the chief finance
    # officer, each draft a decision: neither may declare on it.
    hold(people["other editor"], Office.Kind.MONITORING_OFFICER)
    hold(people["editor"], Office.Kind.CHIEF_FINANCE_OFFICER)
    own_legal = _submitted(people, author="other editor")
    with pytest.raises(NotPermitted, match="You drafted or submitted this decision"):
        services.declare_decision(decision=own_legal, by=people["other editor"], at=DECLARED_ON)
    own_finance = _submitted(people, author="editor")
    with pytest.raises(NotPermitted, match="You drafted or submitted this decision"):
        services.declare_decision_finance(decision=own_finance, by=people["editor"])
    # Someone who only submitted it counts as its author too.
    drafted_by_another = _draft(people, author="editor")
    services.submit_decision(decision=drafted_by_another, by=people["other editor"])
    with pytest.raises(NotPermitted, match="You drafted or submitted"):
        services.declare_decision(decision=drafted_by_another, by=people["other editor"])


def test_the_author_never_signs_their_own_decision(people):
    own = _submitted(people, author="commissioner")
    declare(own, at=DECLARED_ON)
    with pytest.raises(NotPermitted, match="You drafted or submitted this decision: you cannot"):
        services.sign_decision(decision=own, by=people["commissioner"], signed_at=SIGNED_ON)


def test_the_signatory_never_declares_and_no_one_makes_both_declarations(people):
    # The Commissioner's account wrongly given the Monitoring Officer office too (the tester's
    # "Demo Commissioner, Monitoring Officer"): declaring it is then signing it is refused.
    commissioner = hold(people["commissioner"], Office.Kind.MONITORING_OFFICER)
    hold(commissioner, Office.Kind.CHIEF_FINANCE_OFFICER)
    decision = _submitted(people)
    services.declare_decision(decision=decision, by=commissioner, at=DECLARED_ON)
    with pytest.raises(NotPermitted, match="monitoring officer's declaration on this decision"):
        services.declare_decision_finance(decision=decision, by=commissioner, at=DECLARED_ON)
    services.declare_decision_finance(
        decision=decision, by=people["finance officer"], at=DECLARED_ON
    )
    with pytest.raises(NotPermitted, match="You made a declaration on this decision"):
        services.sign_decision(decision=decision, by=commissioner, signed_at=SIGNED_ON)
    assert Decision.objects.get(pk=decision.pk).status == Status.DECLARED


# --- the decision's own office -------------------------------------------------------------------
def test_a_deputy_signs_the_deputys_decisions_and_not_the_commissioners(people):
    commissioners = _declared(people)
    with pytest.raises(NotPermitted) as refused:
        services.sign_decision(decision=commissioners, by=people["deputy"], signed_at=SIGNED_ON)
    assert str(refused.value) == (
        "This decision is for the Police and Crime Commissioner to sign: Test "
        f"{people['deputy'].last_name} does not hold that office on 3 November 2021."
    )
    deputys = _declared(people, office=Office.Kind.DEPUTY)
    with pytest.raises(NotPermitted, match="for the Deputy Police and Crime Commissioner"):
        services.sign_decision(decision=deputys, by=people["commissioner"], signed_at=SIGNED_ON)
    services.sign_decision(decision=deputys, by=people["deputy"], signed_at=SIGNED_ON)
    assert deputys.signatory_title == "Deputy Police and Crime Commissioner"
    assert deputys.signatory_holding.user == people["deputy"]


def _set_limit(title, limit):
    office = _office(title)
    office.value_limit = limit
    office.save()


def test_a_delegated_officer_signs_only_within_their_limit(people):
    within = _declared(people, office="Director of Resources", value=50_000)
    services.sign_decision(decision=within, by=people["director"], signed_at=SIGNED_ON)
    assert within.status == Status.SIGNED and within.signatory_title == "Director of Resources"

    # Submitted within the limit, then the scheme of delegation lowers it: the signature is
    # checked against the limit on the day.
    over = _declared(people, office="Director of Resources", value=40_000)
    _set_limit("Director of Resources", 25_000)
    with pytest.raises(NotPermitted) as refused:
        services.sign_decision(decision=over, by=people["director"], signed_at=SIGNED_ON)
    assert str(refused.value) == (
        "The decision's value, \u00a340,000, is over the \u00a325,000 limit of the Director of "
        "Resources under the scheme of delegation."
    )
    assert Decision.objects.get(pk=over.pk).status == Status.DECLARED

    # Without a value, a decision with financial implications cannot be checked against it.
    _set_limit("Director of Resources", None)
    unknown = _declared(people, office="Director of Resources", value=None)
    _set_limit("Director of Resources", 25_000)
    with pytest.raises(NotPermitted, match="give the decision's value"):
        services.sign_decision(decision=unknown, by=people["director"], signed_at=SIGNED_ON)

    # Without financial implications and without a value there is nothing to exceed.
    policy = _declared(
        people,
        office="Director of Resources",
        has_financial_implications=False,
        financial_implications="",
    )
    services.sign_decision(decision=policy, by=people["director"], signed_at=SIGNED_ON)


def test_a_decision_over_its_offices_limit_cannot_be_submitted(people):
    over = _draft(people, office="Director of Resources", value=75_000)
    with pytest.raises(InvalidTransition, match="over the \u00a350,000 limit"):
        services.submit_decision(decision=over, by=people["editor"])


def test_the_commissioner_has_no_limit(people):
    decision = _declared(people, value=4_000_000)
    services.sign_decision(decision=decision, by=people["commissioner"], signed_at=SIGNED_ON)
    assert decision.status == Status.SIGNED


# --- the Deputy's delegation, and one who no longer holds the office -----------------------------
def test_a_deputy_signs_only_within_the_delegation_the_scheme_gives_them(people):
    _set_limit(Office.Kind.DEPUTY, 100_000)
    over = _draft(people, office=Office.Kind.DEPUTY, value=250_000)
    with pytest.raises(InvalidTransition, match="over the \u00a3100,000 limit of the Deputy"):
        services.submit_decision(decision=over, by=people["editor"], at=SUBMITTED_ON)
    # Within the delegation when submitted; the scheme then narrows it: refused at signature.
    within = _declared(people, office=Office.Kind.DEPUTY, value=80_000)
    _set_limit(Office.Kind.DEPUTY, 50_000)
    with pytest.raises(NotPermitted, match="over the \u00a350,000 limit of the Deputy"):
        services.sign_decision(decision=within, by=people["deputy"], signed_at=SIGNED_ON)
    assert Decision.objects.get(pk=within.pk).status == Status.DECLARED
    _set_limit(Office.Kind.DEPUTY, None)
    services.sign_decision(decision=within, by=people["deputy"], signed_at=SIGNED_ON)
    assert Decision.objects.get(pk=within.pk).status == Status.SIGNED


def test_a_former_deputy_may_not_sign_or_reject_a_deputys_decision(people):
    deputys = _declared(people, office=Office.Kind.DEPUTY)
    with pytest.raises(NotPermitted, match="does not hold that office on 3 November 2021"):
        services.sign_decision(decision=deputys, by=people["former deputy"], signed_at=SIGNED_ON)
    with pytest.raises(NotPermitted, match="does not hold that office"):
        services.reject_decision(decision=deputys, by=people["former deputy"], reason="No")
    assert Decision.objects.get(pk=deputys.pk).status == Status.DECLARED


# --- holdings on the day -----------------------------------------------------------------------
def test_an_ended_holding_does_not_count_and_one_not_yet_begun_neither(people):
    decision = _submitted(people)
    with pytest.raises(NotPermitted, match="does not hold the office of Monitoring Officer on 2"):
        services.declare_decision(
            decision=decision, by=people["former monitoring officer"], at=DECLARED_ON
        )
    # The day before their holding ended, the former monitoring officer could declare.
    services.declare_decision(
        decision=decision, by=people["former monitoring officer"], at=at(2021, 6, 30)
    )
    assert decision.monitoring_officer_holding.ends_on == ENDED

    newcomer = hold(
        UserFactory(username="newcomer", roles=[roles.DECISION_MAKER]),
        Office.Kind.COMMISSIONER,
        starts_on=datetime.date(2024, 5, 9),
    )
    declared = _declared(people)
    with pytest.raises(NotPermitted, match="does not hold that office on 3 November 2021"):
        services.sign_decision(decision=declared, by=newcomer, signed_at=SIGNED_ON)
    with pytest.raises(NotPermitted):
        services.sign_decision(
            decision=declared, by=people["former commissioner"], signed_at=SIGNED_ON
        )


def test_the_record_keeps_who_held_the_office_then(people):
    decision = _signed(people)
    office = _office(Office.Kind.COMMISSIONER)
    office.title = "Police, Fire and Crime Commissioner"
    office.save()
    people["commissioner"].first_name = "Renamed"
    people["commissioner"].save()
    decision.refresh_from_db()
    assert decision.signatory_title == "Police and Crime Commissioner"
    assert decision.signatory_name == f"Test {people['commissioner'].last_name}"
    assert decision.monitoring_officer_title == "Monitoring Officer"
