"""The public read API: published, public content only, through each model's public QuerySet.

Every endpoint answers GET (and HEAD and OPTIONS) to anyone, with no session or sign-in used
(so a signed-in member of staff reads exactly what the public reads), CORS headers for any
origin, an ETag (and, for decisions, Last-Modified) that a conditional request answers 304 to,
and a rate limit per address (``API_RATE``).
"""

import hashlib

from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_date
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from decisions.models import Decision
from panel.models import Meeting, PackBuild, PackItem, PackPaper
from pcc_portal.publications.models import Version
from performance import selectors as performance
from plans.models import Plan
from plans.selectors import PublishedPlan, published_measure

from .serializers import (
    DecisionSerializer,
    FigureSerializer,
    MeetingSerializer,
    PlanSerializer,
)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link",
    "Access-Control-Max-Age": "86400",
}


class AddressThrottle(AnonRateThrottle):
    """Requests per address (the API uses no sign-in, so every caller is counted this way)."""

    scope = "api"


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PublicReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AddressThrottle]
    pagination_class = Pages
    http_method_names = ["get", "head", "options"]

    def last_modified(self):
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response.render()
            etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["ETag"] = etag
            modified = self.last_modified()
            if modified is not None:
                response["Last-Modified"] = modified.strftime("%a, %d %b %Y %H:%M:%S GMT")
            conditional = get_conditional_response(
                request,
                etag=etag,
                last_modified=int(modified.timestamp()) if modified else None,
                response=response,
            )
            if conditional is not response:
                for header, value in CORS_HEADERS.items():
                    conditional[header] = value
                return conditional
        return response


FILTERS_DECISIONS = [
    OpenApiParameter("year", OpenApiTypes.INT, description="Financial year it starts in (2021)"),
    OpenApiParameter("priority", OpenApiTypes.STR, description="Words of a priority's title"),
    OpenApiParameter("q", OpenApiTypes.STR, description="Words of the title or the notice"),
]


@extend_schema(tags=["decisions"])
class DecisionViewSet(PublicReadOnly):
    """The decision register: published decisions, newest first; restricted ones as stubs."""

    serializer_class = DecisionSerializer

    def get_queryset(self):
        decisions = (
            Decision.objects.public()
            .select_related("decision_maker")
            .prefetch_related("priorities")
            .order_by("-financial_year", "-number")
        )
        params = self.request.query_params
        year = params.get("year", "")
        if year.isdecimal() and len(year) == 4:
            decisions = decisions.filter(financial_year=int(year))
        if priority := params.get("priority", "").strip()[:100]:
            decisions = decisions.filter(priorities__title__icontains=priority).distinct()
        if text := params.get("q", "").strip()[:100]:
            decisions = decisions.filter(title__icontains=text) | decisions.filter(
                is_restricted=False, executive_summary__icontains=text
            )
        return decisions

    def get_object(self):
        return get_object_or_404(
            self.get_queryset(),
            financial_year=self.kwargs["year"],
            number=self.kwargs["number"],
        )

    def last_modified(self):
        versions = Version.objects.public().filter(document_type=Decision.document_type)
        return versions.aggregate(latest=Max("ready_at"))["latest"]

    @extend_schema(parameters=FILTERS_DECISIONS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


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


@extend_schema(tags=["plans"])
class PlanViewSet(PublicReadOnly):
    """Published police and crime plans, the current first, each with its priorities,
    commitments and measures as its live version published them."""

    serializer_class = PlanSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return Plan.objects.public().in_public_order()

    def get_serializer(self, *args, **kwargs):
        if args:
            plans = args[0]
            many = kwargs.get("many", False)
            data = [_published_plan(self.request, plan) for plan in (plans if many else [plans])]
            args = (data if many else data[0], *args[1:])
        return super().get_serializer(*args, **kwargs)

    def last_modified(self):
        versions = Version.objects.public().filter(document_type=Plan.document_type)
        return versions.aggregate(latest=Max("ready_at"))["latest"]


@extend_schema(tags=["performance"])
class FigureViewSet(PublicReadOnly):
    """The released figures of one of a published plan's measures, oldest first (the ids are
    those of the plans' measures)."""

    serializer_class = FigureSerializer

    def get_queryset(self):
        measure = published_measure(self.kwargs["measure"])
        if measure is None:
            raise Http404("No such published measure.")
        return performance.public_measure_figures(measure)


def _published_plan(request, plan):
    published = PublishedPlan(plan)
    row = published.plan
    return {
        "slug": plan.slug,
        "title": row.title,
        "commissioner": row.commissioner,
        "term_start": row.term_start,
        "term_end": row.term_end,
        "version": published.version.number,
        "published_at": published.version.published_at,
        "url": request.build_absolute_uri(plan.get_absolute_url()),
        "pdf": request.build_absolute_uri(plan.get_pdf_url()),
        "priorities": [
            {
                "number": priority.number,
                "title": priority.title,
                "summary": priority.summary,
                "url": request.build_absolute_uri(
                    reverse("plans:priority", kwargs={"slug": plan.slug, "number": priority.number})
                ),
                "commitments": [
                    {"wording": c.wording, "status": c.get_status_display()}
                    for c in published.commitments_of(priority)
                ],
                "measures": [
                    {
                        "id": m.id,
                        "wording": m.wording,
                        "theme": m.theme,
                        "unit": m.unit,
                        "national": m.is_national,
                    }
                    for m in published.measures_of(priority)
                ],
            }
            for priority in published.priorities
        ],
    }


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


def documentation(request):
    """A page listing the endpoints, drawn from the OpenAPI schema."""
    schema = SchemaGenerator(patterns=None, urlconf="pcc_portal.urls").get_schema(
        request=None, public=True
    )
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            endpoints.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": (operation.get("description") or "").split("\n\n")[0],
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return render(request, "api/documentation.html", {"endpoints": endpoints})
