"""Staff views for the Panel's decisions reports: drafting one, its page with the decisions of
its period still awaiting publication, and publishing it."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import ListView

from pcc_portal.views.drafts import DraftCreateView, DraftUpdateView
from pcc_portal.views.generic import PublishingDetailView, PublishView, VisibleToUser

from ..forms import DecisionsReportForm
from ..models import Decision, DecisionsReport


class ReportListView(PermissionRequiredMixin, VisibleToUser, ListView):
    model = DecisionsReport
    permission_required = "decisions.view_decisionsreport"
    template_name = "decisions/manage/report_list.html"
    context_object_name = "reports"


class ReportCreateView(DraftCreateView):
    permission_required = "decisions.add_decisionsreport"
    form_class = DecisionsReportForm
    template_name = "decisions/manage/report_form.html"
    change_reason = "Drafted"


class ReportUpdateView(DraftUpdateView):
    model = DecisionsReport
    permission_required = "decisions.change_decisionsreport"
    form_class = DecisionsReportForm
    template_name = "decisions/manage/report_form.html"


class ReportDetailView(PublishingDetailView):
    permission_required = "decisions.view_decisionsreport"
    model = DecisionsReport
    template_name = "decisions/manage/report_detail.html"
    context_object_name = "report"
    publish_url_name = "decisions_manage:report_publish"

    def get_context_data(self, **kwargs):
        report = self.object
        return {
            **super().get_context_data(**kwargs),
            "unpublished": Decision.objects.visible_to(self.request.user)
            .awaiting_publication()
            .filter(decision_date__range=(report.period_start, report.period_end))
            .order_by("financial_year", "number"),
        }


class ReportPublishView(PublishView):
    """The check page, then publishing the decisions report."""

    permission_required = "decisions.publish_decisionsreport"
    model = DecisionsReport
