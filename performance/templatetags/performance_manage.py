"""What the performance area shows on the staff dashboard."""

from django import template

from ..models import DataPoint, MeasureImport, ScrutinyAction

register = template.Library()


@register.simple_tag
def performance_attention():
    return {
        "imports_waiting": MeasureImport.objects.filter(
            status=MeasureImport.Status.PREVIEWED
        ).count(),
        "overdue_actions": ScrutinyAction.objects.overdue().count(),
        "figures_awaiting_release": DataPoint.objects.awaiting_release().count(),
    }


@register.filter
def plain(number):
    """A stored Decimal as typed: 24100, 23950.5 (never 2.41E+4)."""
    return "" if number is None else format(number.normalize(), "f")
