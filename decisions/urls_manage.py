"""Staff URLs for decisions, under /manage/decisions/."""

from django.urls import path

from .views import manage, manage_attachments, manage_reports

app_name = "decisions_manage"

urlpatterns = [
    path("", manage.DecisionListView.as_view(), name="list"),
    path("new/", manage.DecisionCreateView.as_view(), name="create"),
    path("numbering/", manage.numbering, name="numbering"),
    path("<int:pk>/", manage.DecisionDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", manage.DecisionUpdateView.as_view(), name="edit"),
    path("<int:pk>/submit/", manage.decision_submit, name="submit"),
    path("<int:pk>/declare/", manage.decision_declare, name="declare"),
    path("<int:pk>/declare-finance/", manage.decision_declare_finance, name="declare_finance"),
    path("<int:pk>/sign/", manage.decision_sign, name="sign"),
    path("<int:pk>/reject/", manage.decision_reject, name="reject"),
    path("<int:pk>/withdraw/", manage.decision_withdraw, name="withdraw"),
    path("<int:pk>/return/", manage.decision_return, name="return"),
    path("<int:pk>/publish/", manage.DecisionPublishView.as_view(), name="publish"),
    path("<int:pk>/documents/new/", manage_attachments.attachment_add, name="attachment_add"),
    path(
        "<int:pk>/documents/<int:attachment_pk>/",
        manage_attachments.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:pk>/documents/<int:attachment_pk>/delete/",
        manage_attachments.attachment_delete,
        name="attachment_delete",
    ),
    path("<int:pk>/part-2/", manage_attachments.part2_detail, name="part2"),
    path("<int:pk>/part-2/edit/", manage_attachments.part2_edit, name="part2_edit"),
    path(
        "<int:pk>/part-2/documents/new/",
        manage_attachments.part2_attachment_add,
        name="part2_attachment_add",
    ),
    path(
        "<int:pk>/part-2/documents/<int:attachment_pk>/",
        manage_attachments.part2_attachment_download,
        name="part2_attachment_download",
    ),
    path(
        "<int:pk>/part-2/documents/<int:attachment_pk>/delete/",
        manage_attachments.part2_attachment_delete,
        name="part2_attachment_delete",
    ),
    path("reports/", manage_reports.ReportListView.as_view(), name="report_list"),
    path("reports/new/", manage_reports.ReportCreateView.as_view(), name="report_create"),
    path("reports/<int:pk>/", manage_reports.ReportDetailView.as_view(), name="report_detail"),
    path("reports/<int:pk>/edit/", manage_reports.ReportUpdateView.as_view(), name="report_edit"),
    path(
        "reports/<int:pk>/publish/",
        manage_reports.ReportPublishView.as_view(),
        name="report_publish",
    ),
]
