"""What the panel secretary should look at, for the staff dashboard (the dashboard view is
shared, so the partial fetches its own reads)."""

from django import template

from ..selectors import dashboard_attention

register = template.Library()


@register.simple_tag
def panel_attention():
    return dashboard_attention()
