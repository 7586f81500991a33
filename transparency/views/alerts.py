"""Alerts: signing up by email (confirmed by a link, unsubscribed in one click) and the Atom
feeds of each topic and plan priority."""

import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt

from pcc_portal.accounts.throttle import MailThrottle

from .. import services, thread
from ..feeds import TopicFeed
from ..forms import SubscribeForm
from ..models import Topic

# Each sign-up mails a confirmation link: nobody may use the form to flood someone's inbox.
ALERT_SIGN_UPS = MailThrottle(
    "alert-sign-up", per_recipient=3, per_connection=10, window=datetime.timedelta(hours=1)
)
ALERT_SIGN_UPS_REFUSED = (
    "There have been several requests for alerts to this address, or from your connection, in "
    "the last hour. Check your inbox and spam folder for the email we sent, or try again in an "
    "hour."
)


def alerts(request):
    priorities = thread.public_priorities()
    initial = {}
    if request.GET.get("topic") in Topic.values:
        initial["topic"] = request.GET["topic"]
    if request.GET.get("priority", "").isdecimal():
        initial["priority"] = int(request.GET["priority"])
    form = SubscribeForm(request.POST or None, priorities=priorities, initial=initial)
    if request.method == "POST" and form.is_valid():
        if ALERT_SIGN_UPS.allows(request, form.cleaned_data["email"]):
            services.subscribe(
                email=form.cleaned_data["email"],
                topic=form.cleaned_data["topic"],
                priority=form.cleaned_data["priority"],
            )
            return redirect("transparency:alerts_sent")
        form.add_error("email", ALERT_SIGN_UPS_REFUSED)
    return render(
        request,
        "transparency/alerts.html",
        {"form": form, "priorities": priorities},
        status=400 if form.errors else 200,
    )


def alerts_sent(request):
    return render(request, "transparency/alerts_sent.html")


def alerts_confirm(request, token):
    """The link in the confirmation email shows a button, so a mail scanner that fetches the
    link does not subscribe anyone; pressing it confirms."""
    if request.method == "POST":
        try:
            subscription = services.confirm_subscription(token=token)
        except services.TokenInvalid as error:
            return render(request, "transparency/alerts_link.html", {"error": error}, status=410)
        messages.success(request, f"You are subscribed to {subscription.topic_label}.")
        return render(request, "transparency/alerts_link.html", {"done": "confirmed"})
    return render(request, "transparency/alerts_link.html", {"action": "confirm"})


@csrf_exempt  # the token is the credential; mail programs POST here for one-click unsubscribe
def alerts_unsubscribe(request, token):
    if request.method == "POST":
        try:
            services.unsubscribe(token=token)
        except services.TokenInvalid as error:
            return render(request, "transparency/alerts_link.html", {"error": error}, status=410)
        return render(request, "transparency/alerts_link.html", {"done": "unsubscribed"})
    return render(request, "transparency/alerts_link.html", {"action": "unsubscribe"})


def topic_feed(request, topic):
    if topic not in Topic.values or topic == Topic.PRIORITY:
        raise Http404("No such feed.")
    return TopicFeed(topic=topic)(request)


def priority_feed(request, slug, number):
    priority = thread.public_priority(slug=slug, number=number)
    if priority is None:
        raise Http404("No such published priority.")
    return TopicFeed(topic=Topic.PRIORITY, priority=priority)(request)
