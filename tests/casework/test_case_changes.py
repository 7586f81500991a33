"""Every release of a casework case after the first has a public comparison with the one
before (its text and its timetable), linked from the case's list of versions: a precept, an
annual report review and a confirmation hearing alike."""

from decimal import Decimal

import pytest
from django.urls import reverse

from casework import services
from casework.models import Case, Step
from tests.casework.factories import CaseFactory, HearingFactory, date, release, withdraw
from tests.publications.comparisons import linked_comparison

pytestmark = pytest.mark.django_db


def _changes(case, number):
    return f"{case.get_absolute_url()}versions/{number}/changes/"


def _step(case, kind, on, **fields):
    return services.record_step(step=Step(case=case, kind=kind, date=on, **fields), by=None)


def test_a_later_release_of_a_precept_shows_what_changed_against_the_one_before(client):
    precept = CaseFactory(year=2023, summary="The Commissioner proposes the precept for 2023-24.")
    _step(precept, Step.Kind.PROPOSAL, date(1, 28, 2023), amount=Decimal("246.45"))
    release(precept)
    assert _changes(precept, 1) == reverse(
        "casework:precept_version_changes", kwargs={"year": 2023, "number": 1}
    )
    page = client.get(precept.get_absolute_url()).content.decode()
    assert "Published versions of the case" in page
    assert _changes(precept, 1) not in page  # the first release has nothing before it
    assert client.get(_changes(precept, 1)).status_code == 404

    _step(
        precept,
        Step.Kind.REPORT,
        date(2, 3, 2023),
        outcome=Step.Outcome.SUPPORTED,
        summary="The Panel supported the proposed precept.",
    )
    release(precept, note="The Panel's report added.")
    html = linked_comparison(client, precept.get_absolute_url(), _changes(precept, 2))
    assert "What changed in version 2" in html and "The Panel&#x27;s report added." in html
    assert "<ins>The Panel supported the proposed precept.</ins>" in html
    assert "<ins>Supported</ins>" in html
    assert "Table changed: Timetable" in html  # the report's step is now done
    assert "The Commissioner proposes the precept" not in html.split("<h2")[1]  # unchanged
    assert client.get(_changes(precept, 3)).status_code == 404


@pytest.mark.parametrize(
    "make",
    [
        lambda: CaseFactory(kind=Case.Kind.ANNUAL_REPORT, year=2021, summary="First summary."),
        lambda: HearingFactory(summary="First summary."),
    ],
    ids=["annual report", "confirmation hearing"],
)
def test_annual_reports_and_hearings_compare_their_releases_too(client, make):
    case = make()
    Step.objects.create(case=case, kind=Step.Kind.PROPOSAL, date=date(1, 28))
    release(case)
    case.summary = "Second summary."
    case.save()
    release(case, note="Summary corrected.")
    assert f'href="{_changes(case, 2)}"' in client.get(case.get_absolute_url()).content.decode()
    html = client.get(_changes(case, 2)).content.decode()
    assert "<del>First summary.</del>" in html and "<ins>Second summary.</ins>" in html


def test_a_withdrawn_case_answers_its_comparisons_with_the_notice(client):
    precept = CaseFactory(year=2023, summary="First summary.")
    _step(precept, Step.Kind.PROPOSAL, date(1, 28, 2023), amount=Decimal("246.45"))
    release(precept)
    precept.summary = "Second summary."
    precept.save()
    release(precept, note="Second")
    withdraw(precept, reason="Released before the Panel had seen it.")
    response = client.get(_changes(precept, 2))
    assert response.status_code == 410
    body = response.content.decode()
    assert "Released before the Panel had seen it." in body and "Second summary." not in body
