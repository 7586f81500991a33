"""Scheduled work: reminders for index items falling due, and alert digests. Each task takes
no arguments and calls one service."""

from celery import shared_task

from . import services


@shared_task
def send_due_reminders():
    return services.send_due_reminders()


@shared_task
def send_alert_digests():
    return services.send_digests()
