"""References NN/YYYY: numbered per financial year at signature (or at raise), unique, never
reused, and continued from an earlier system through the staff screen."""

import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection, transaction

from decisions import services
from decisions.models import Decision, DecisionSequence
from pcc_portal.errors import InvalidTransition
from pcc_portal.financial_year import financial_year_of
from tests.decisions.conftest import at, declare
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def test_financial_years_run_from_april_to_march():
    assert financial_year_of(at(2022, 3, 31).date()) == 2021
    assert financial_year_of(at(2022, 4, 1).date()) == 2022


def test_numbering_restarts_at_one_across_the_financial_year_boundary(sign):
    first = sign(signed_at=at(2022, 3, 30, 10))
    last_of_year = sign(signed_at=at(2022, 3, 31, 23, 59))  # UK time: still 2021/22
    new_year = sign(signed_at=at(2022, 4, 1, 0, 1))
    assert [first.reference, last_of_year.reference, new_year.reference] == [
        "01/2021",
        "02/2021",
        "01/2022",
    ]
    assert new_year.decision_date.isoformat() == "2022-04-01"


def test_the_year_is_the_uk_date_of_signature_not_utc(sign):
    # 00:30 on 1 April 2022 in London is 23:30 UTC on 31 March.
    decision = sign(signed_at=at(2022, 4, 1, 0, 30))
    assert decision.financial_year == 2022


def test_abandoned_drafts_leave_no_gap(sign, editor):
    sign(signed_at=at(2021, 10, 8))
    abandoned = DecisionFactory()
    services.withdraw_decision(decision=abandoned, by=editor, reason="Not needed")
    DecisionFactory()  # a draft still in progress
    second = sign(signed_at=at(2021, 10, 19))
    assert second.reference == "02/2021"
    assert abandoned.number is None


def test_numbering_continues_from_an_earlier_system_and_never_goes_back(sign):
    services.continue_numbering(financial_year=2021, last_number=16)
    assert sign(signed_at=at(2021, 10, 8)).reference == "17/2021"
    with pytest.raises(InvalidTransition):
        services.continue_numbering(financial_year=2021, last_number=10)
    assert DecisionSequence.objects.get(financial_year=2021).last_number == 17


def test_the_database_refuses_two_decisions_with_one_reference(sign):
    decision = sign(signed_at=at(2021, 10, 8))
    other = DecisionFactory()
    other.financial_year, other.number = decision.financial_year, decision.number
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


def test_a_signed_decision_must_have_its_reference(editor):
    decision = DecisionFactory()
    decision.status = Decision.Status.SIGNED
    with pytest.raises(IntegrityError), transaction.atomic():
        decision.save()


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: row locks across connections"
)


def _declared(count, editor):
    decisions = []
    for _ in range(count):
        decision = DecisionFactory()
        services.submit_decision(decision=decision, by=editor)
        decisions.append(declare(decision))
    return decisions


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_signature_waits_for_the_first_and_takes_the_next_number(editor, decision_maker):
    first, second = _declared(2, editor)
    holding = threading.Event()
    release = threading.Event()
    results, errors = {}, []

    def sign_and_hold():
        try:
            with transaction.atomic():
                signed = services.sign_decision(
                    decision=first, by=decision_maker, signed_at=at(2021, 11, 3)
                )
                results["first"] = signed.number
                holding.set()
                release.wait(10)  # keep the year's sequence row locked
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    def sign_second():
        try:
            holding.wait(10)
            signed = services.sign_decision(
                decision=second, by=decision_maker, signed_at=at(2021, 11, 3)
            )
            results["second"] = signed.number
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    one = threading.Thread(target=sign_and_hold)
    two = threading.Thread(target=sign_second)
    one.start()
    two.start()
    holding.wait(10)
    two.join(1.0)
    assert two.is_alive(), "the second signature should wait for the first's lock"
    release.set()
    one.join(10)
    two.join(10)
    assert not errors, errors
    assert (results["first"], results["second"]) == (1, 2)


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_signatures_at_once_take_distinct_consecutive_numbers(editor, decision_maker):
    decisions = _declared(6, editor)
    start = threading.Barrier(len(decisions))
    errors = []

    def sign(decision):
        try:
            start.wait(10)
            services.sign_decision(decision=decision, by=decision_maker, signed_at=at(2021, 11, 3))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(d,)) for d in decisions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]


# --- numbering at raise ------------------------------------------------------------------------
@pytest.fixture
def at_raise(settings):
    settings.DECISION_NUMBERING = "raise"


def test_numbered_at_raise_a_decision_takes_its_reference_when_submitted(
    at_raise, editor, decision_maker
):
    # As Lancashire numbers its forms: 18/2021 was raised before 19/2021 and signed after it.
    first, second = DecisionFactory(), DecisionFactory()
    services.submit_decision(decision=first, by=editor, at=at(2021, 10, 1))
    services.submit_decision(decision=second, by=editor, at=at(2021, 10, 2))
    assert (first.reference, second.reference) == ("01/2021", "02/2021")
    assert "raised as 01/2021" in first.history.first().history_change_reason
    declare(second)
    services.sign_decision(decision=second, by=decision_maker, signed_at=at(2021, 10, 19))
    declare(first)
    services.sign_decision(decision=first, by=decision_maker, signed_at=at(2021, 11, 3))
    assert (first.reference, second.reference) == ("01/2021", "02/2021")
    assert first.decision_date.isoformat() == "2021-11-03"


def test_numbered_at_raise_the_year_is_the_one_it_was_raised_in(at_raise, editor, decision_maker):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor, at=at(2022, 3, 30))
    declare(decision)
    services.sign_decision(decision=decision, by=decision_maker, signed_at=at(2022, 4, 4))
    assert decision.reference == "01/2021" and decision.decision_date.isoformat() == "2022-04-04"


def test_numbered_at_raise_a_returned_decision_keeps_its_number_and_a_withdrawn_one_uses_it(
    at_raise, editor
):
    returned = DecisionFactory()
    services.submit_decision(decision=returned, by=editor, at=at(2021, 10, 1))
    services.return_to_draft(decision=returned, by=editor, reason="Add the equality impact")
    services.submit_decision(decision=returned, by=editor, at=at(2021, 10, 5))
    assert returned.reference == "01/2021"
    withdrawn = DecisionFactory()
    services.submit_decision(decision=withdrawn, by=editor, at=at(2021, 10, 6))
    services.withdraw_decision(decision=withdrawn, by=editor, reason="Not needed")
    assert withdrawn.reference == "02/2021"  # the form was raised: its number is not reused
    later = DecisionFactory()
    services.submit_decision(decision=later, by=editor, at=at(2021, 10, 7))
    assert later.reference == "03/2021"


def test_numbered_at_signature_submitting_takes_no_number(editor):
    decision = DecisionFactory()
    services.submit_decision(decision=decision, by=editor)
    assert decision.number is None


def test_the_numbering_setting_accepts_only_signature_or_raise():
    from tests.test_settings import _manage

    refused = _manage("check", DEBUG="1", DECISION_NUMBERING="whenever")
    assert refused.returncode != 0
    assert "DECISION_NUMBERING is 'whenever': set it to 'signature' or 'raise'." in refused.stderr
    assert _manage("check", DEBUG="1", DECISION_NUMBERING="raise").returncode == 0


# --- the staff screen to continue a sequence ------------------------------------------------
NUMBERING = "/manage/decisions/numbering/"


def test_staff_continue_an_earlier_systems_sequence_from_the_numbering_screen(client, editor, sign):
    client.force_login(editor)
    page = client.get(NUMBERING).content.decode()
    assert "No numbers have been issued yet." in page
    response = client.post(NUMBERING, {"financial_year": "2021", "last_number": "27"})
    assert response.status_code == 302 and response["Location"] == NUMBERING
    page = client.get(NUMBERING).content.decode()
    assert "The next decision of 2021/22 takes 28/2021." in page
    assert '<td class="govuk-table__cell">28/2021</td>' in page
    assert sign(signed_at=at(2021, 12, 1)).reference == "28/2021"


def test_the_numbering_screen_refuses_to_go_backwards_and_says_why(client, editor, sign):
    sign(signed_at=at(2021, 10, 8))
    sign(signed_at=at(2021, 10, 9))
    client.force_login(editor)
    response = client.post(NUMBERING, {"financial_year": "2021", "last_number": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page and "govuk-error-summary" in page
    assert "References up to 2/2021 are already issued: numbering cannot go back." in page
    assert 'value="1"' in page  # what was typed is kept
    assert DecisionSequence.objects.get(financial_year=2021).last_number == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"financial_year": "2021", "last_number": "twenty"}, "Enter the number as digits"),
        ({"financial_year": "2021", "last_number": ""}, "Enter the last reference number used"),
        ({"financial_year": "1999", "last_number": "3"}, "Select a valid choice"),
    ],
)
def test_the_numbering_screen_explains_a_mistake(client, editor, data, message):
    client.force_login(editor)
    page = client.post(NUMBERING, data).content.decode()
    assert message in page and "<title>Error:" in page
    assert not DecisionSequence.objects.exists()
