"""The casework's public URLs for sitemap.xml: the section pages and every released case
(never a withdrawn one)."""

from django.urls import reverse

from panel.models import Meeting

from .models import Case, QuestionWindow


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
        version = case.live_version()
        if version is not None:
            yield case.get_absolute_url(), version.published_at
    for window in QuestionWindow.objects.filter(
        meeting__in=Meeting.objects.public()
    ).select_related("meeting"):
        yield window.get_absolute_url(), None
