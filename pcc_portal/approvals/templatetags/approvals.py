"""The approval panel on an object's publishing panel: who may approve it, its request, and the
way to ask."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("approvals/_panel.html", takes_context=True)
def approval_panel(context, obj):
    """Who may publish or release ``obj``, its pending or returned request, and the way to ask
    for approval: on its publishing panel. Nothing for things not asked for approval."""
    request = context["request"]
    return {"approvals": selectors.panel(obj=obj, user=request.user), "request": request}
