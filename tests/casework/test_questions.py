"""Public questions asked online: a confirmed email address (a hashed, single-use, expiring
link), a limit per person and a deadline the secretary sets, a honeypot and a rate limit; the
secretary accepts (into the meeting's public questions and minutes) or rejects with a reason;
names withheld on request, email addresses never public."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import QuestionToken, QuestionWindow, SubmittedQuestion
from panel.models import PublicQuestion
from tests.panel.helpers import published_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_throttle():
    cache.clear()


@pytest.fixture
def window():
    meeting = published_meeting(date=timezone.localdate() + datetime.timedelta(days=10))
    return QuestionWindow.objects.create(
        meeting=meeting, deadline=timezone.now() + datetime.timedelta(days=5)
    )


def _url(window):
    return f"/panel/meetings/{window.meeting.date.isoformat()}/questions/"


def _ask(client, window, email="asker@example.org", **fields):
    data = {
        "name": "Pat Asker",
        "email": email,
        "question": "How many officers patrol Burnley at night?",
        **fields,
    }
    return client.post(_url(window), data)


def _link():
    base = re.escape(settings.PORTAL_BASE_URL.rstrip("/"))
    return re.search(rf"{base}(/panel/questions/confirm/[^/]+/)", mail.outbox[-1].body)[1]


def test_a_question_reaches_the_secretary_only_once_its_address_is_confirmed(client, window):
    response = _ask(client, window)
    assert response.status_code == 302
    asked = SubmittedQuestion.objects.get()
    assert asked.status == SubmittedQuestion.Status.UNCONFIRMED
    link = _link()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert not QuestionToken.objects.filter(token_hash=token).exists()  # only its hash is kept
    assert client.get(link).status_code == 200  # a mail scanner's fetch confirms nothing
    asked.refresh_from_db()
    assert asked.status == SubmittedQuestion.Status.UNCONFIRMED
    assert client.post(link).status_code == 200
    asked.refresh_from_db()
    assert asked.status == SubmittedQuestion.Status.SUBMITTED
    assert client.post(link).status_code == 410  # single use


def test_an_expired_link_confirms_nothing(client, window):
    _ask(client, window)
    link = _link()
    QuestionToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.post(link).status_code == 410
    assert SubmittedQuestion.objects.get().status == SubmittedQuestion.Status.UNCONFIRMED


def test_one_question_per_person_by_email_address(client, window):
    _ask(client, window)
    client.post(_link())
    response = _ask(client, window, email="ASKER@example.org")
    assert response.status_code == 400
    assert "Each person may ask 1 question" in response.content.decode()
    assert 'href="#id_email"' in response.content.decode()


def test_the_limit_holds_when_two_questions_are_confirmed_later(client, window):
    _ask(client, window)
    first = _link()
    _ask(client, window, question="A second question.")
    second = _link()
    assert client.post(first).status_code == 200
    assert client.post(second).status_code == 410
    assert SubmittedQuestion.objects.filter(status="submitted").count() == 1


def test_no_question_after_the_deadline(client, window):
    window.deadline = timezone.now() - datetime.timedelta(minutes=1)
    window.save()
    response = _ask(client, window)
    assert SubmittedQuestion.objects.count() == 0
    assert "closed" in response.content.decode()


def test_a_filled_honeypot_is_told_it_succeeded_and_nothing_is_kept(client, window):
    response = _ask(client, window, website="http://spam.example")
    assert response.status_code == 302
    assert SubmittedQuestion.objects.count() == 0 and mail.outbox == []


def test_questions_are_rate_limited_per_address(client, window):
    window.limit_per_person = 10
    window.save()
    for _ in range(3):
        assert _ask(client, window).status_code == 302
    response = _ask(client, window)
    assert response.status_code == 400
    assert "several questions" in response.content.decode()
    assert len(mail.outbox) == 3


def _submitted(window, **fields):
    asked = services.ask_question(
        window=window,
        name=fields.pop("name", "Pat Asker"),
        email="asker-secret@example.org",
        question=fields.pop("question", "ACCEPTEDQUESTION"),
        withhold_name=fields.pop("withhold_name", False),
    )
    asked.status = SubmittedQuestion.Status.SUBMITTED
    asked.save()
    return asked


def test_an_accepted_question_is_published_and_its_answer_goes_to_the_minutes(
    client, window, panel_secretary
):
    asked = _submitted(window, name="HIDDENNAME", withhold_name=True)
    services.decide_question(question=asked, accept=True, by=panel_secretary)
    public = PublicQuestion.objects.get(meeting=window.meeting)
    assert public.public_asker == "A member of the public"
    services.answer_question(question=asked, answer="ANSWERTEXT", by=panel_secretary)
    public.refresh_from_db()
    assert public.answer == "ANSWERTEXT"
    page = client.get(_url(window)).content.decode()
    assert "ACCEPTEDQUESTION" in page and "A member of the public" in page
    assert "HIDDENNAME" not in page and "asker-secret@example.org" not in page
    assert "ANSWERTEXT" not in page  # shown once the minutes are published
    assert "accepted" in mail.outbox[-1].body


def test_an_answer_recorded_after_the_minutes_are_released_stays_out_of_the_questions_page(
    client, window, panel_secretary, monkeypatch
):
    """The minutes froze their answers when released: the questions page links to them and
    never prints an answer from the live row, which may be newer than the release."""
    from types import SimpleNamespace

    from casework.views import questions_public

    released = SimpleNamespace(get_absolute_url=lambda: "/panel/meetings/released-minutes/")
    monkeypatch.setattr(
        questions_public.panel_selectors,
        "published_minutes",
        lambda meeting: (released, SimpleNamespace(number=1)),
    )
    asked = _submitted(window)
    services.decide_question(question=asked, accept=True, by=panel_secretary)
    services.answer_question(question=asked, answer="LATERANSWERSECRET", by=panel_secretary)
    page = client.get(_url(window)).content.decode()
    assert "ACCEPTEDQUESTION" in page
    assert "LATERANSWERSECRET" not in page
    assert "/panel/meetings/released-minutes/" in page


def test_a_rejection_needs_its_reason_and_the_question_stays_private(
    client, window, panel_secretary
):
    asked = _submitted(window, question="REJECTEDQUESTION")
    with pytest.raises(services.CaseworkError, match="reason"):
        services.decide_question(question=asked, accept=False, by=panel_secretary)
    services.decide_question(
        question=asked, accept=False, reason="It is about a court case.", by=panel_secretary
    )
    assert "It is about a court case." in mail.outbox[-1].body
    for url in [
        _url(window),
        "/sitemap.xml",
        "/search/?q=question",
        f"/panel/meetings/{window.meeting.date}/",
    ]:
        body = client.get(url).content.decode()
        assert "REJECTEDQUESTION" not in body and "asker-secret@example.org" not in body, url


def test_unconfirmed_questions_are_neither_public_nor_shown_to_the_secretary(
    client, window, panel_secretary
):
    services.ask_question(
        window=window,
        name="Pat",
        email="pat@example.org",
        question="UNCONFIRMEDQUESTION",
        withhold_name=False,
    )
    assert "UNCONFIRMEDQUESTION" not in client.get(_url(window)).content.decode()
    client.force_login(panel_secretary)
    staff = client.get(reverse("casework_manage:meeting_questions", args=[window.meeting.pk]))
    assert "UNCONFIRMEDQUESTION" not in staff.content.decode()


def test_the_questions_page_is_in_the_sitemap(client, window):
    assert _url(window) in client.get("/sitemap.xml").content.decode()


def test_the_meeting_page_leads_to_its_questions_while_they_are_open(client, window):
    page = client.get(window.meeting.get_absolute_url()).content.decode()
    assert _url(window) in page
    assert "Ask the Panel a question" in page

    window.deadline = timezone.now() - datetime.timedelta(minutes=1)
    window.save()
    page = client.get(window.meeting.get_absolute_url()).content.decode()
    assert _url(window) in page
    assert "Ask the Panel a question" not in page


def test_the_emailed_link_names_the_portal_not_the_host_the_request_named(client, window, settings):
    """A visitor picks a request's Host header; the link they have mailed must not follow it."""
    settings.ALLOWED_HOSTS = ["testserver", "portal.internal"]
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    data = {"name": "Pat Asker", "email": "asker@example.org", "question": "How many officers?"}
    client.post(_url(window), data, HTTP_HOST="portal.internal")
    body = mail.outbox[-1].body
    assert "https://portal.example.org/panel/questions/confirm/" in body
    assert "portal.internal" not in body
