"""Search finds a word's other forms on both backends ("robberies" finds "robbery"), and files
each result under the year of the thing itself, not the year it was put online."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from decisions import services as decisions
from decisions.models import Decision
from tests import searching
from tests.decisions.conftest import declare
from tests.decisions.factories import DecisionFactory
from tests.pages.factories import ContentPageFactory
from transparency import search
from transparency.models import SearchEntry


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("robberies", "robber"),
        ("robbery", "robber"),
        ("gifts", "gift"),
        ("hospitality", "hospit"),
        ("policing", "polic"),
        ("2021", "2021"),
        ("anti-social", "anti-social"),
    ],
)
def test_a_word_is_matched_by_what_its_forms_share(word, stem):
    assert search.word_stem(word) == stem


@pytest.mark.django_db
def test_a_plural_finds_the_singular_and_the_singular_the_plural(editor, publish):
    publish(
        ContentPageFactory(
            title="Street crime", slug="street", body="A robbery near the bus station."
        ),
        editor,
    )
    publish(
        ContentPageFactory(
            title="Declarations", slug="declarations", body="Every gift offered is declared."
        ),
        editor,
    )
    publish(
        ContentPageFactory(
            title="Burglary", slug="burglary", body="Burglaries and robberies fell this year."
        ),
        editor,
    )
    assert sorted(searching.titles("robberies")) == ["Burglary", "Street crime"]
    assert sorted(searching.titles("robbery")) == ["Burglary", "Street crime"]
    assert searching.titles("gifts") == ["Declarations"]
    assert searching.titles("burglary") == ["Burglary"]


@pytest.mark.django_db
def test_a_result_highlights_the_other_form_of_the_word(client, editor, publish):
    publish(
        ContentPageFactory(title="Street crime", slug="street", body="A robbery near the station."),
        editor,
    )
    html = client.get("/search/", {"q": "robberies"}).content.decode()
    assert "<mark>robbery</mark>" in html


def test_the_year_is_the_things_own_not_the_day_it_was_published():
    now = timezone.now()
    decision = SimpleNamespace(decision_date=datetime.date(2021, 11, 30))
    paper = SimpleNamespace(meeting=SimpleNamespace(date=datetime.date(2021, 12, 6)))
    page = SimpleNamespace(title="About us")
    assert search._year(decision, now) == 2021
    assert search._year(paper, now) == 2021
    assert search._year(page, now) == now.year


@pytest.mark.django_db
def test_a_decision_published_years_later_is_filed_under_the_year_it_was_made(
    editor, decision_maker, django_capture_on_commit_callbacks
):
    decision = DecisionFactory(title="Approval of the police and crime plan")
    decisions.submit_decision(decision=decision, by=editor)
    declare(decision)
    decisions.sign_decision(decision=decision, by=decision_maker)
    # Made in 2021, put online now (as an import of historic decisions does).
    Decision.objects.filter(pk=decision.pk).update(decision_date=datetime.date(2021, 11, 30))
    decision.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.publish_decision(decision=decision, by=editor, note="First publication")
    entry = SearchEntry.objects.get(kind="decision", object_id=decision.pk)
    assert entry.year == 2021 != timezone.now().year
    assert searching.titles("police and crime plan", year=2021) == [entry.title]
