"""Published plans and their measures' released figures."""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema

from performance import selectors as performance
from plans.models import Plan
from plans.selectors import PublishedPlan, published_measure

from ..serializers import FigureSerializer, PlanSerializer
from .base import PublicReadOnly


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
        measure = published_measure(pk=self.kwargs["measure"])
        if measure is None:
            raise Http404("No such published measure.")
        return performance.public_measure_figures(measure=measure)


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
