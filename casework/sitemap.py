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
    """Each case with a live version, last modified when that version was published."""

    def items(self):
        self.live = {case: case.live_version() for case in Case.objects.public()}
        return [case for case, version in self.live.items() if version is not None]

    def lastmod(self, case):
        return self.live[case].published_at


class QuestionWindowSitemap(Sitemap):
    def items(self):
        return QuestionWindow.objects.filter(meeting__in=Meeting.objects.public()).select_related(
            "meeting"
        )


SITEMAPS = [CaseworkPagesSitemap, CaseSitemap, QuestionWindowSitemap]
