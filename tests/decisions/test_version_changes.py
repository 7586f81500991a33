"""A published decision's later versions each have a public comparison with the one before,
linked from the notice; a restricted decision's comparison shows only what the register shows
of it, even against a version published before it was restricted."""

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from tests.access import AccessRule
from tests.decisions.conftest import at
from tests.decisions.factories import DecisionFactory
from tests.publications.comparisons import linked_comparison

pytestmark = pytest.mark.django_db

FIRST = "Fund the community safety partnerships for one more year."
SECOND = "Fund the community safety partnerships for two more years."


def _changes(decision, number):
    return reverse(
        "decisions:version_changes",
        kwargs={"year": decision.financial_year, "number": decision.number, "version": number},
    )


@pytest.fixture
def decision(sign, publish_decision, fast_pdfs):
    decision = DecisionFactory(title="Community Safety Partnerships Funding", recommendation=FIRST)
    sign(decision=decision, signed_at=at(2021, 10, 8))
    publish_decision(decision)
    decision.refresh_from_db()
    return decision


def test_a_republished_decision_shows_what_changed_and_the_first_version_nothing(
    client, decision, publish_decision
):
    assert client.get(_changes(decision, 1)).status_code == 404
    assert _changes(decision, 1) not in client.get(decision.get_absolute_url()).content.decode()

    decision.recommendation = SECOND
    decision.save()
    publish_decision(decision, note="Corrected the term of the funding")
    html = linked_comparison(client, decision.get_absolute_url(), _changes(decision, 2))
    assert f"<del>{FIRST}</del>" in html and f"<ins>{SECOND}</ins>" in html
    assert "Corrected the term of the funding" in html


def test_a_withdrawn_version_answers_410_with_its_notice(
    client, decision, publish_decision, editor
):
    decision.recommendation = SECOND
    decision.save()
    publish_decision(decision, note="Second")
    publishing.withdraw(obj=decision, by=editor, reason="Signed under the wrong delegation")
    response = client.get(_changes(decision, 2))
    assert response.status_code == 410
    assert "Signed under the wrong delegation" in response.content.decode()


def test_a_restricted_decision_compares_only_its_register_entry(client, decision, publish_decision):
    decision.is_restricted = True
    decision.save()
    publish_decision(decision, note="Restricted: commercial confidentiality")
    response = client.get(_changes(decision, 2))
    assert response.status_code == 200
    html = response.content.decode()
    # Version 1 was public in full, but the decision is restricted now: nothing beyond the
    # register entry is compared, removed lines included.
    assert FIRST not in html
    assert "<ins>Title: Community Safety Partnerships Funding (restricted)</ins>" in html
    assert "<del>Title: Community Safety Partnerships Funding</del>" in html


class TestDecisionVersionChangesAccess(AccessRule):
    url_name = "decisions:version_changes"
    allowed_status = (404,)  # version 1 has nothing before it; comparisons are tested above

    def make_url_kwargs(self):
        decision = DecisionFactory(financial_year=2021, number=8)
        return {"year": 2021, "number": decision.number, "version": 1}
