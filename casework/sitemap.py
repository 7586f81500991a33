"""The casework's public URLs for sitemap.xml: its section pages, every released case (never a
withdrawn one) and the public questions of published meetings."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from panel.models import Meeting

from .models import Case, QuestionWindow


class CaseworkPagesSitemap(Sitemap):
    def items(self):
        return [
            "casework:precepts",
            "casework:hearings",
            "casework:annual_reports",
            "casework:complaints",
        ]

    def location(self, item):
        return reverse(item)


class CaseSitemap(Sitemap):
    """Each case with a live version, last modified when that version was published (one query
    however many cases there are)."""

    def items(self):
        return Case.objects.public().with_live_published_at().order_by("pk")

    def lastmod(self, case):
        return case.live_published_at


class QuestionWindowSitemap(Sitemap):
    def items(self):
        return QuestionWindow.objects.filter(meeting__in=Meeting.objects.public()).select_related(
            "meeting"
        )


SITEMAPS = [CaseworkPagesSitemap, CaseSitemap, QuestionWindowSitemap]
