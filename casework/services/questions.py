"""Public questions asked online: the window, asking and confirming, and the secretary's
decision and answer."""

import hashlib
import secrets
from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pcc_portal.links import portal_url

from ..models import CaseworkError, QuestionToken, QuestionWindow, SubmittedQuestion
from .cases import _saved

CONFIRM_QUESTION_FOR = timedelta(days=3)


@transaction.atomic
def set_question_window(*, window, by):
    """Open, or change, the window in which the public may ask a meeting's questions online."""
    return _saved(window, f"Set by {by}")


class QuestionRefused(CaseworkError):
    """A question the window's rules do not allow (closed, over the limit)."""


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _asked_by(window, email, exclude=None):
    asked = SubmittedQuestion.objects.filter(window=window, email__iexact=email).confirmed()
    return asked.exclude(pk=exclude).count() if exclude else asked.count()


def _check_window(window, email, now, exclude=None):
    if not window.is_open(now):
        closed = timezone.localtime(window.deadline)
        raise QuestionRefused(
            f"Questions for this meeting closed on {closed:%-d %B %Y} at {closed:%H:%M}.",
            "question",
        )
    if _asked_by(window, email, exclude) >= window.limit_per_person:
        limit = window.limit_per_person
        raise QuestionRefused(
            f"Each person may ask {limit} question{'s' if limit != 1 else ''} for this meeting, "
            "and this email address has.",
            "email",
        )


@transaction.atomic
def ask_question(*, window, name, email, question, withhold_name, now=None):
    """Take a question and email a link to confirm the address; the question reaches the
    secretary only once confirmed, within the limit per person and before the deadline."""
    now = now or timezone.now()
    email = email.strip().lower()
    window = QuestionWindow.objects.select_for_update().get(pk=window.pk)
    _check_window(window, email, now)
    asked = SubmittedQuestion.objects.create(
        window=window,
        name=name.strip(),
        email=email,
        question=question.strip(),
        withhold_name=withhold_name,
        asked_at=now,
    )
    token = secrets.token_urlsafe(32)
    QuestionToken.objects.create(
        question=asked,
        token_hash=_hash(token),
        expires_at=min(now + CONFIRM_QUESTION_FOR, window.deadline),
    )
    link = portal_url(reverse("casework:question_confirm", kwargs={"token": token}))
    send_mail(
        subject="Confirm your question for the Police and Crime Panel, "
        f"{window.meeting.date:%-d %B %Y}",
        message=render_to_string(
            "casework/email/confirm_question.txt",
            {"asked": asked, "window": window, "link": link},
        ),
        from_email=None,
        recipient_list=[email],
    )
    return asked


@transaction.atomic
def confirm_question(*, token, now=None):
    now = now or timezone.now()
    found = (
        QuestionToken.objects.select_for_update(of=("self",))
        .select_related("question__window__meeting")
        .filter(token_hash=_hash(token or ""))
        .first()
    )
    if found is None or found.used_at is not None or found.expires_at < now:
        raise QuestionRefused("This link has expired or has already been used.")
    found.used_at = now
    found.save(update_fields=["used_at"])
    asked = found.question
    window = QuestionWindow.objects.select_for_update().get(pk=asked.window_id)
    _check_window(window, asked.email, now, exclude=asked.pk)
    asked.status = SubmittedQuestion.Status.SUBMITTED
    asked.confirmed_at = now
    return _saved(asked, "Email address confirmed by the asker")


@transaction.atomic
def decide_question(*, question, accept, reason="", by):
    """Accept a question for the meeting (it joins the agenda's public questions and the
    minutes) or reject it with the reason, which the asker is sent."""
    from panel.models import PublicQuestion

    question = SubmittedQuestion.objects.select_for_update().get(pk=question.pk)
    if question.status != SubmittedQuestion.Status.SUBMITTED:
        raise CaseworkError("Only a confirmed question waiting for a decision can be decided.")
    if not accept and not reason.strip():
        raise CaseworkError("Give the reason: the person who asked is sent it.", "reason")
    question.decided_at, question.decided_by = timezone.now(), by
    if accept:
        question.status = SubmittedQuestion.Status.ACCEPTED
        question.public_question = PublicQuestion.objects.create(
            meeting=question.window.meeting,
            asker=question.name,
            name_withheld=question.withhold_name,
            question=question.question,
        )
    else:
        question.status = SubmittedQuestion.Status.REJECTED
        question.rejection_reason = reason.strip()
    _saved(question, f"{question.get_status_display()} by {by}")
    send_mail(
        subject="Your question for the Police and Crime Panel",
        message=render_to_string("casework/email/question_decided.txt", {"asked": question}),
        from_email=None,
        recipient_list=[question.email],
    )
    return question


@transaction.atomic
def answer_question(*, question, answer, by):
    """Record the answer given at the meeting; the minutes carry it once published."""
    question = SubmittedQuestion.objects.select_for_update().get(pk=question.pk)
    if question.status != SubmittedQuestion.Status.ACCEPTED:
        raise CaseworkError("Only an accepted question is answered.")
    question.answer = answer.strip()
    _saved(question, f"Answer recorded by {by}")
    if question.public_question_id:
        public = question.public_question
        public.answer = question.answer
        public.save(update_fields=["answer"])
    return question
