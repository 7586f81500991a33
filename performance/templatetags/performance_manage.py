"""What the performance area shows on the staff dashboard."""

from django import template

from ..selectors import dashboard_attention

register = template.Library()


@register.simple_tag(takes_context=True)
def performance_attention(context):
    return dashboard_attention(user=context["request"].user)


@register.filter
def plain(number):
    """A stored Decimal as typed: 24100, 23950.5 (never 2.41E+4)."""
    return "" if number is None else format(number.normalize(), "f")
