"""Asking the Panel a question online: the form with the Panel's rules, the confirmation link,
and the accepted questions of a meeting (their answers in the published minutes)."""

import datetime

from django.http import Http404
from django.shortcuts import redirect, render

from panel import selectors as panel_selectors
from panel.models import Meeting
from pcc_portal.accounts.throttle import MailThrottle

from .. import services
from ..forms import AskQuestionForm
from ..models import QuestionWindow, SubmittedQuestion

# Each question mails a confirmation link: nobody may use the form to flood someone's inbox.
QUESTIONS_ASKED = MailThrottle(
    "public-question", per_recipient=3, per_connection=10, window=datetime.timedelta(hours=1)
)
QUESTIONS_REFUSED = (
    "There have been several questions from this address, or from your connection, in the last "
    "hour. Check your inbox and spam folder for the email we sent, or try again in an hour."
)


def _window(date):
    window = (
        QuestionWindow.objects.select_related("meeting")
        .filter(meeting__in=Meeting.objects.public(), meeting__date=date)
        .first()
    )
    if window is None:
        raise Http404("This meeting is not taking questions online.")
    return window


def questions(request, date):
    window = _window(date)
    form = AskQuestionForm(request.POST or None)
    if request.method == "POST" and window.is_open() and form.is_valid():
        if form.is_spam():
            return redirect("casework:question_sent")  # said to succeed; nothing is kept or sent
        data = form.cleaned_data
        if not QUESTIONS_ASKED.allows(request, data["email"]):
            form.add_error("email", QUESTIONS_REFUSED)
        else:
            try:
                services.ask_question(
                    window=window,
                    name=data["name"],
                    email=data["email"],
                    question=data["question"],
                    withhold_name=data["withhold_name"],
                )
            except services.QuestionRefused as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                return redirect("casework:question_sent")
    # The answers are read in the minutes as released (their frozen version), never from the
    # live rows here: an answer recorded after the release is public only at the next one.
    minutes, minutes_version = panel_selectors.published_minutes(meeting=window.meeting)
    return render(
        request,
        "casework/questions.html",
        {
            "window": window,
            "meeting": window.meeting,
            "form": form,
            "open": window.is_open(),
            "accepted": SubmittedQuestion.objects.public().filter(window=window),
            "minutes_url": minutes.get_absolute_url() if minutes_version is not None else "",
        },
        status=400 if form.errors else 200,
    )


def question_sent(request):
    return render(request, "casework/question_sent.html")


def question_confirm(request, token):
    """The emailed link shows a button, so a mail scanner that fetches it confirms nothing."""
    if request.method == "POST":
        try:
            asked = services.confirm_question(token=token)
        except services.QuestionRefused as error:
            return render(request, "casework/question_link.html", {"error": error}, status=410)
        return render(request, "casework/question_link.html", {"asked": asked})
    return render(request, "casework/question_link.html", {})
