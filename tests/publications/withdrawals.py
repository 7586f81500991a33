"""The notice a withdrawn publication's public address shows, as the tests expect it."""

from django.utils.formats import date_format
from django.utils.timezone import localtime


def notice(withdrawal):
    """The notice's opening, "Withdrawn on <date>: ", which the withdrawal's reason follows."""
    return f"Withdrawn on {date_format(localtime(withdrawal.withdrawn_at), 'j F Y')}: "
