"""Scheduled work for decisions: the reminder before a publication deadline. Each task takes no
arguments and calls one service."""

from celery import shared_task

from . import services


@shared_task
def send_publication_reminders():
    return services.send_publication_reminders()
