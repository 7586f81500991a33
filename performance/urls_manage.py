from django.urls import path

from pcc_portal.routes import object_routes

from .views import imports, manage, meetings, release, reports

app_name = "performance_manage"

urlpatterns = [
    path("", manage.index, name="index"),
    path("measures/<int:pk>/", manage.measure, name="measure"),
    path("measures/<int:pk>/figures/new/", manage.figure_add, name="figure_add"),
    path("measures/<int:pk>/commentary/new/", manage.commentary_add, name="commentary_add"),
    path("figures/<int:pk>/edit/", manage.figure_edit, name="figure_edit"),
    path("figures/release/", release.release_list, name="release_list"),
    path("figures/release/<slug:quarter>/", release.release_quarter, name="release_quarter"),
    path("figures/release/<slug:quarter>/release/", release.release_figures, name="release"),
    path(
        "figures/release/<slug:quarter>/withdraw/",
        release.withdraw_figures,
        name="withdraw_figures",
    ),
    *object_routes(
        "imports/",
        "import",
        list=imports.import_list,
        create=imports.import_upload,
        detail=imports.import_detail,
        apply=imports.import_apply,
        discard=imports.import_discard,
        names={"list": "imports", "create": "import_upload"},
    ),
    path("imports/template.csv", imports.import_template, name="import_template"),
    *object_routes(
        "reports/",
        "report",
        list=reports.report_list,
        create=reports.ReportCreateView,
        detail=reports.ReportDetailView,
        edit=reports.ReportUpdateView,
        publish=reports.ReportPublishView,
        names={"list": "reports"},
    ),
    path("reports/<int:pk>/commentary/", reports.report_commentary, name="report_commentary"),
    *object_routes(
        "meetings/",
        "meeting",
        list=meetings.meeting_list,
        create=meetings.MeetingCreateView,
        detail=meetings.MeetingDetailView,
        edit=meetings.MeetingUpdateView,
        publish=meetings.MeetingPublishView,
        names={"list": "meetings"},
    ),
    path("meetings/<int:pk>/papers/new/", meetings.PaperCreateView.as_view(), name="paper_add"),
    path("meetings/<int:pk>/actions/new/", meetings.ActionCreateView.as_view(), name="action_add"),
    path("actions/<int:pk>/", meetings.action_edit, name="action_edit"),
]
