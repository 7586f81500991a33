from django.urls import path

from .views import manage, release

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
    path("imports/", manage.import_list, name="imports"),
    path("imports/new/", manage.import_upload, name="import_upload"),
    path("imports/template.csv", manage.import_template, name="import_template"),
    path("imports/<int:pk>/", manage.import_detail, name="import"),
    path("imports/<int:pk>/apply/", manage.import_apply, name="import_apply"),
    path("imports/<int:pk>/discard/", manage.import_discard, name="import_discard"),
    path("reports/", manage.report_list, name="reports"),
    path("reports/new/", manage.report_create, name="report_create"),
    path("reports/<int:pk>/", manage.report_detail, name="report"),
    path("reports/<int:pk>/edit/", manage.report_edit, name="report_edit"),
    path("reports/<int:pk>/commentary/", manage.report_commentary, name="report_commentary"),
    path("reports/<int:pk>/publish/", manage.report_publish, name="report_publish"),
    path("meetings/", manage.meeting_list, name="meetings"),
    path("meetings/new/", manage.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", manage.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", manage.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/publish/", manage.meeting_publish, name="meeting_publish"),
    path("meetings/<int:pk>/papers/new/", manage.paper_add, name="paper_add"),
    path("meetings/<int:pk>/actions/new/", manage.action_add, name="action_add"),
    path("actions/<int:pk>/", manage.action_edit, name="action_edit"),
]
