"""The public read API: published, public content only, through each model's public QuerySet.

Every endpoint answers GET (and HEAD and OPTIONS) to anyone, with no session or sign-in used
(so a signed-in member of staff reads exactly what the public reads), CORS headers for any
origin, an ETag (and, for decisions, Last-Modified) that a conditional request answers 304 to,
and a rate limit per address (``API_RATE``).
"""

import datetime
import hashlib

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_date
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from decisions.models import Decision
from panel.models import Meeting, PackBuild, PackItem, PackPaper
from pcc_portal.caching.models import Generation
from pcc_portal.publications.models import Version
from performance import selectors as performance
from plans.models import Plan
from plans.selectors import PublishedPlan, published_measure
from transparency.freshness import Status

from .serializers import (
    DecisionSerializer,
    FigureSerializer,
    MeetingSerializer,
    PlanSerializer,
    RegisterEntrySerializer,
    RegisterSerializer,
    SpecifiedItemSerializer,
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
        """When anything public last changed: the publication generation's time, which every
        release and withdrawal moves on. Not the newest release of the answer's own rows: a
        withdrawal makes an answer older than its newest row, and a client asking
        If-Modified-Since must not be told "not modified" about what has since gone."""
        return Generation.objects.filter(pk=1).values_list("changed_at", flat=True).first()

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


def registers():
    """The public registers by slug: those the transparency pages list, and the forward plan."""
    from transparency import selectors
    from transparency.models import ForwardPlanEntry

    found = dict(selectors.REGISTERS)
    found.setdefault(
        "forward-plan",
        selectors.Register(
            slug="forward-plan",
            title="Forward plan",
            singular="decision expected",
            description="Decisions of significant public interest the Commissioner expects to "
            "make, and the decisions they became.",
            model=ForwardPlanEntry,
            date_field="expected_on",
            text_fields=("title", "summary", "decision_maker"),
            columns=selectors.FORWARD_PLAN_COLUMNS,
            ordering=("expected_on",),
        ),
    )
    return found


def _register_page(register):
    if register.slug == "forward-plan":
        return reverse("transparency:forward_plan")
    if getattr(register, "url_name", ""):  # a register with an address of its own
        return reverse(register.url_name)
    return reverse("transparency:register", kwargs={"register": register.slug})


@extend_schema(tags=["transparency"])
class RegisterViewSet(PublicReadOnly):
    """The public registers (interests, gifts and hospitality, spending, grants, contracts, the
    forward plan), each with the fields of its entries."""

    serializer_class = RegisterSerializer
    pagination_class = None

    def get_queryset(self):
        return list(registers().values())

    def list(self, request, *args, **kwargs):
        data = [
            {
                "slug": register.slug,
                "title": register.title,
                "description": register.description,
                "columns": [
                    {"key": column.key, "heading": column.heading} for column in register.columns
                ],
                "url": request.build_absolute_uri(_register_page(register)),
                "entries": request.build_absolute_uri(
                    reverse("api:register_entries", kwargs={"register": register.slug})
                ),
            }
            for register in self.get_queryset()
        ]
        return Response(self.get_serializer(data, many=True).data)


def _choice_filters():
    seen = {}
    for register in registers().values():
        for parameter, label, _field, choices in register.choice_filters:
            seen.setdefault(parameter, (label, register.title, choices))
    return [
        OpenApiParameter(
            parameter,
            OpenApiTypes.STR,
            description=f"{label} ({title}): one of " + ", ".join(str(v) for v, _ in choices),
        )
        for parameter, (label, title, choices) in seen.items()
    ]


FILTERS_REGISTER = [
    OpenApiParameter(
        "register",
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        description="The register: " + ", ".join(registers()),
        enum=list(registers()),
    ),
    OpenApiParameter("year", OpenApiTypes.INT, description="Financial year it starts in (2021)"),
    OpenApiParameter("q", OpenApiTypes.STR, description="Words of the entry's main text fields"),
    OpenApiParameter(
        "month", OpenApiTypes.STR, description="Spending only: the month paid (yyyy-mm)"
    ),
    *_choice_filters(),
]


@extend_schema(tags=["transparency"])
class RegisterEntryViewSet(PublicReadOnly):
    """A register's released entries, each as its release froze it (unreleased edits, drafts
    and withdrawn entries never appear), in the register page's order and with its filters."""

    serializer_class = RegisterEntrySerializer

    def register(self):
        register = registers().get(self.kwargs["register"])
        if register is None:
            raise Http404("No such register.")
        return register

    def get_queryset(self):
        params = self.request.query_params
        # The register's own filters read at most 100 characters of each.
        return self.register().filtered({key: params.get(key, "")[:100] for key in params})

    @extend_schema(operation_id="register_entries_list", parameters=FILTERS_REGISTER)
    def list(self, request, *args, **kwargs):
        register = self.register()
        page = self.paginate_queryset(self.get_queryset())
        rows = list(page)
        entries = list(register.for_display(rows))
        data = []
        for row, entry in zip(rows, entries, strict=True):
            if register.is_spending:
                version, released_at, note = None, row.upload.released_at, ""
            else:
                version, released_at, note = row.number, row.published_at, row.change_note
            data.append(
                {
                    "id": entry.pk,
                    "version": version,
                    "released_at": released_at,
                    "change_note": note,
                    "url": request.build_absolute_uri(entry.get_absolute_url()),
                    "record": register.record(entry),
                }
            )
        return self.get_paginated_response(self.get_serializer(data, many=True).data)


FILTERS_INDEX = [
    OpenApiParameter("paragraph", OpenApiTypes.STR, description="The group of the Order"),
    OpenApiParameter(
        "status",
        OpenApiTypes.STR,
        description="The item's status: " + ", ".join(Status.LABELS),
        enum=list(Status.LABELS),
    ),
    OpenApiParameter("q", OpenApiTypes.STR, description="Words of the item's title"),
]


@extend_schema(tags=["transparency"])
class SpecifiedItemViewSet(PublicReadOnly):
    """The Specified Information index: every item the Order asks an OPCC to publish, in the
    Order's order, with its paragraph, how often it is due, its status and where it is."""

    serializer_class = SpecifiedItemSerializer

    def last_modified(self):
        """Statuses also change with the calendar (an item falls due at midnight), so never
        earlier than the start of today."""
        today = timezone.make_aware(
            datetime.datetime.combine(timezone.localdate(), datetime.time.min)
        )
        changed = super().last_modified()
        return today if changed is None else max(changed, today)

    def get_queryset(self):
        from transparency import selectors

        params = self.request.query_params
        rows = selectors.index_rows()
        if paragraph := params.get("paragraph", ""):
            rows = [row for row in rows if row.item.paragraph == paragraph]
        if status := params.get("status", ""):
            rows = [row for row in rows if row.freshness.status == status]
        if text := params.get("q", "").strip()[:100].lower():
            rows = [row for row in rows if text in row.item.title.lower()]
        return rows

    @extend_schema(parameters=FILTERS_INDEX)
    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        data = [
            {
                "code": row.item.code,
                "reference": getattr(row.item, "reference", ""),
                "paragraph": row.item.paragraph,
                "paragraph_title": row.item.get_paragraph_display(),
                "title": row.item.title,
                "description": row.item.description,
                "cadence": row.item.get_cadence_display(),
                "status": row.freshness.status,
                "status_label": row.freshness.label,
                "last_published": row.freshness.last_published,
                "due_on": row.freshness.due_on,
                "url": request.build_absolute_uri(row.url) if row.url else None,
            }
            for row in page
        ]
        return self.get_paginated_response(self.get_serializer(data, many=True).data)


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
