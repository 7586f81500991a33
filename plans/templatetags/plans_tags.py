"""Template tags for the plans area's part of the staff dashboard."""

import re

from django import template
from django.apps import apps
from django.urls import NoReverseMatch, reverse

from ..selectors import dashboard_attention

register = template.Library()


@register.simple_tag(takes_context=True)
def plans_needing_attention(context):
    return dashboard_attention(user=context["request"].user)


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
