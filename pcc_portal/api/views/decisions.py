"""The decision register."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

from decisions.models import Decision

from ..serializers import DecisionSerializer
from .base import PublicReadOnly

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
