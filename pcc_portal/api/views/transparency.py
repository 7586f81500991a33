"""The public registers, their entries and the Specified Information index."""

import datetime

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from transparency.freshness import Status

from ..serializers import RegisterEntrySerializer, RegisterSerializer, SpecifiedItemSerializer
from .base import PublicReadOnly


def registers():
    """The public registers by slug: those the transparency pages list, and the forward plan."""
    from transparency import selectors

    return selectors.ALL_REGISTERS


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
                "url": request.build_absolute_uri(register.url()),
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
