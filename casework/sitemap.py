"""The casework's public URLs for sitemap.xml: the section pages and every published case."""

from django.urls import reverse

from .models import Case


def public_urls():
    """(url, last modified) of each public casework page; nothing unpublished."""
    for name in (
        "casework:precepts",
        "casework:hearings",
        "casework:annual_reports",
        "casework:complaints",
    ):
        yield reverse(name), None
    for case in Case.objects.public():
        yield case.get_absolute_url(), case.published_at
