"""Scheduled work: reminders for index items falling due, and alert digests. Each task takes
no arguments and calls one service."""

from celery import shared_task
from django.conf import settings

from . import services

# Links in digest emails need the site's address; there is no request in a beat task.
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@shared_task
def send_due_reminders():
    return services.send_due_reminders()


@shared_task
def send_alert_digests():
    return services.send_digests(
        base_url=getattr(settings, "PORTAL_BASE_URL", DEFAULT_BASE_URL).rstrip("/")
    )
