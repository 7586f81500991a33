"""The decisions area's part of the staff dashboard (the dashboard view is shared, so the
partial fetches its own reads)."""

from django import template

from ..selectors import dashboard_attention

register = template.Library()


@register.simple_tag
def decisions_attention(user):
    return dashboard_attention(user=user)
