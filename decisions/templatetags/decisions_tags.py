"""Public template tags: the latest published decisions, for the home page."""

from django import template

from ..models import Decision

register = template.Library()


@register.inclusion_tag("decisions/_latest.html")
def latest_decisions(count=5):
    decisions = Decision.objects.public().with_priorities().order_by("-published_at")[:count]
    return {"decisions": decisions}
