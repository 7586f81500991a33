"""The casework's statutory deadlines, for the Panel's part of the staff dashboard."""

from django import template
from django.utils import timezone

from casework import selectors

register = template.Library()


@register.inclusion_tag("casework/manage/_timetable_summary.html")
def casework_deadlines():
    return {"open_cases": selectors.open_cases(), "today": timezone.localdate()}
