"""The public read API, version 1."""

from django.urls import path, register_converter
from drf_spectacular.views import SpectacularJSONAPIView

from .views import decisions, documentation, meetings, plans, transparency

app_name = "api"


class DateConverter:
    """A day as text, unlike the pages' ``isodate``: the API parses it itself, so an impossible
    day (2021-13-45) is the API's own 404 in JSON, not the site's page."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(DateConverter, "apidate")

urlpatterns = [
    path("", documentation.documentation, name="documentation"),
    path(
        "openapi.json",
        SpectacularJSONAPIView.as_view(authentication_classes=[], permission_classes=[]),
        name="schema",
    ),
    path("plans/", plans.PlanViewSet.as_view({"get": "list"}), name="plans"),
    path("plans/<slug:slug>/", plans.PlanViewSet.as_view({"get": "retrieve"}), name="plan"),
    path(
        "measures/<int:measure>/figures/",
        plans.FigureViewSet.as_view({"get": "list"}),
        name="figures",
    ),
    path("decisions/", decisions.DecisionViewSet.as_view({"get": "list"}), name="decisions"),
    path(
        "decisions/<int:year>/<int:number>/",
        decisions.DecisionViewSet.as_view({"get": "retrieve"}),
        name="decision",
    ),
    path("meetings/", meetings.MeetingViewSet.as_view({"get": "list"}), name="meetings"),
    path(
        "meetings/<apidate:date>/",
        meetings.MeetingViewSet.as_view({"get": "retrieve"}),
        name="meeting",
    ),
    path("registers/", transparency.RegisterViewSet.as_view({"get": "list"}), name="registers"),
    path(
        "registers/<slug:register>/",
        transparency.RegisterEntryViewSet.as_view({"get": "list"}),
        name="register_entries",
    ),
    path(
        "specified-information/",
        transparency.SpecifiedItemViewSet.as_view({"get": "list"}),
        name="specified_information",
    ),
]
