"""Template tags for the plans area's part of the staff dashboard."""

import re

from django import template
from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ..models import Stage
from ..selectors import staff_plans

register = template.Library()


@register.simple_tag(takes_context=True)
def plans_needing_attention(context):
    """Plans not yet issued (with their next step) and plans in force with unpublished changes."""
    user = context["request"].user
    if not user.has_perm("plans.view_plan"):
        return []
    items = []
    for plan in staff_plans(user).exclude(stage=Stage.SUPERSEDED):
        if not plan.is_in_force or plan.variation_under_way:
            following = " or ".join(stage.label for stage in plan.next_stages())
            what = "its variation is at" if plan.variation_under_way else "at"
            items.append(
                (plan, f"{what} \u201c{plan.get_stage_display()}\u201d; next: {following}")
            )
            if not plan.is_in_force:
                continue
        due = plan.review_due_on()
        if due and due <= timezone.localdate():
            items.append((plan, f"its annual review was due on {due:%-d %B %Y}"))
        if plan.has_unpublished_changes():
            items.append((plan, "has changes the public does not see yet"))
    return items


@register.simple_tag
def decision_url(reference):
    """The public page of the decision a lifecycle step names ("28/2021"), when that decision
    is published; "" otherwise, so no link leads to a page the reader may not see."""
    match = re.fullmatch(r"\s*(\d{1,3})/(\d{4})\s*", reference or "")
    if not match:
        return ""
    number, year = int(match.group(1)), int(match.group(2))
    try:
        decision_model = apps.get_model("decisions", "Decision")
    except LookupError:
        return ""
    if not decision_model.objects.public().filter(financial_year=year, number=number).exists():
        return ""
    try:
        return reverse("decisions:detail", kwargs={"year": year, "number": number})
    except NoReverseMatch:
        return ""
