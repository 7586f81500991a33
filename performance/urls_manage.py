"""Staff URLs for performance, under /manage/performance/."""

from django.urls import path

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
    path("imports/", imports.ImportListView.as_view(), name="imports"),
    path("imports/new/", imports.import_upload, name="import_upload"),
    path("imports/template.csv", imports.import_template, name="import_template"),
    path("imports/<int:pk>/", imports.import_detail, name="import"),
    path("imports/<int:pk>/apply/", imports.import_apply, name="import_apply"),
    path("imports/<int:pk>/discard/", imports.import_discard, name="import_discard"),
    path("reports/", reports.ReportListView.as_view(), name="reports"),
    path("reports/new/", reports.ReportCreateView.as_view(), name="report_create"),
    path("reports/<int:pk>/", reports.ReportDetailView.as_view(), name="report"),
    path("reports/<int:pk>/edit/", reports.ReportUpdateView.as_view(), name="report_edit"),
    path("reports/<int:pk>/commentary/", reports.report_commentary, name="report_commentary"),
    path("reports/<int:pk>/publish/", reports.ReportPublishView.as_view(), name="report_publish"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/new/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.MeetingUpdateView.as_view(), name="meeting_edit"),
    path(
        "meetings/<int:pk>/publish/", meetings.MeetingPublishView.as_view(), name="meeting_publish"
    ),
    path("meetings/<int:pk>/papers/new/", meetings.PaperCreateView.as_view(), name="paper_add"),
    path("meetings/<int:pk>/actions/new/", meetings.ActionCreateView.as_view(), name="action_add"),
    path("actions/<int:pk>/", meetings.action_edit, name="action_edit"),
]
