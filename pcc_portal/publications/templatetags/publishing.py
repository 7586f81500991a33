"""Template filters for published text."""

from django import template
from django.utils.safestring import mark_safe

from pcc_portal.publications.markdown import sanitise_html

register = template.Library()


@register.filter
def sanitised(html):
    """Stored Markdown HTML, cleaned once more as it is rendered: what was safe when saved stays
    safe even if the allow-list has tightened since, or the row was changed outside the app."""
    return mark_safe(sanitise_html(html or ""))  # noqa: S308 (sanitised by nh3 just above)
