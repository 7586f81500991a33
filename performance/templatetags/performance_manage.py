"""What the performance area shows on the staff dashboard."""

from django import template

from ..models import MeasureImport, ScrutinyAction

register = template.Library()


@register.simple_tag
def performance_attention():
    return {
        "imports_waiting": MeasureImport.objects.filter(
            status=MeasureImport.Status.PREVIEWED
        ).count(),
        "overdue_actions": ScrutinyAction.objects.overdue().count(),
    }
