"""Meetings of the Police and Crime Panel with their published packs' agendas and public papers."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.dateparse import parse_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

from panel.models import Meeting, PackBuild, PackItem, PackPaper
from pcc_portal.publications.models import Version

from ..serializers import MeetingSerializer
from .base import PublicReadOnly

FILTERS_MEETINGS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="Meetings on or after (yyyy-mm-dd)"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Meetings on or before (yyyy-mm-dd)"),
]


@extend_schema(tags=["meetings"])
class MeetingViewSet(PublicReadOnly):
    """Meetings of the Police and Crime Panel, newest first, each with the agenda and public
    papers of its published pack."""

    serializer_class = MeetingSerializer

    def get_queryset(self):
        meetings = Meeting.objects.public().select_related("panel").order_by("-date")
        params = self.request.query_params
        if day := _day(params.get("from", "")):
            meetings = meetings.filter(date__gte=day)
        if day := _day(params.get("to", "")):
            meetings = meetings.filter(date__lte=day)
        return meetings

    def get_object(self):
        day = _day(self.kwargs["date"])
        if day is None:
            raise Http404("No such meeting.")
        return get_object_or_404(self.get_queryset(), date=day)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["builds"], context["papers"] = {}, {}
        return context

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        meetings = args[0] if args else None
        if meetings is not None:
            meetings = list(meetings) if kwargs.get("many") else [meetings]
            builds, papers = _live_builds([m.pk for m in meetings])
            serializer.context["builds"].update(builds)
            serializer.context["papers"].update(papers)
        return serializer

    @extend_schema(parameters=FILTERS_MEETINGS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


def _day(text):
    try:
        return parse_date(text[:10])
    except ValueError:  # well formed, but not a day of the calendar (2021-13-40)
        return None


def _live_builds(meeting_ids):
    """Each meeting's build behind its live public pack version, with its frozen items, and the
    public papers of those builds by item; in a fixed number of queries."""
    public = Version.objects.public()
    builds = {}
    for build in (
        PackBuild.objects.filter(meeting__in=meeting_ids, version__in=public)
        .select_related("version")
        .prefetch_related(Prefetch("items", queryset=PackItem.objects.order_by("number")))
        .order_by("meeting", "-version__number")
    ):
        builds.setdefault(build.meeting_id, build)
    papers = {}
    for paper in (
        PackPaper.objects.published()
        .filter(item__build__in=[b.pk for b in builds.values()])
        .select_related("item")
        .order_by("position")
    ):
        papers.setdefault(paper.item.build_id, {}).setdefault(paper.item_id, []).append(paper)
    return builds, papers
