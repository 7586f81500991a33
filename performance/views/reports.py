"""Staff views for quarterly reports: drafting one, its commentary per priority, its page with
the publishing panel, and publishing it with the quarter's figures."""

from functools import partial

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import CreateView, FormView, ListView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.selectors import review
from pcc_portal.views.generic import PublishingDetailView, PublishView, VisibleToUser
from plans.models import Priority

from .. import selectors, services
from ..forms import ReportCommentaryForm, ReportForm, ReportPublishForm
from ..models import QuarterlyReport, ReportCommentary, review_key
from .manage import DraftCreatePage, DraftUpdatePage, StaffFormPage, crumbs_under

# The list the report pages sit under, for their breadcrumbs: its URL name and label.
REPORTS = ("performance_manage:reports", "Quarterly reports")


class ReportListView(PermissionRequiredMixin, VisibleToUser, ListView):
    permission_required = "performance.view_quarterlyreport"
    template_name = "performance/manage/report_list.html"
    context_object_name = "reports"
    model = QuarterlyReport
    paginate_by = 50

    def get_queryset(self):
        return super().get_queryset().select_related("plan")


class ReportCreateView(DraftCreatePage, StaffFormPage, CreateView):
    permission_required = "performance.add_quarterlyreport"
    form_class = ReportForm
    page_title = "Start a quarterly report"
    under = REPORTS


class ReportUpdateView(DraftUpdatePage, StaffFormPage, UpdateView):
    permission_required = "performance.change_quarterlyreport"
    model = QuarterlyReport
    form_class = ReportForm
    under = REPORTS


class ReportCommentaryView(StaffFormPage, FormView):
    """The report's commentary, one box for each of its plan's priorities."""

    permission_required = "performance.change_quarterlyreport"
    form_class = ReportCommentaryForm
    page_title = "Commentary per priority"
    success_message = "The commentary was saved."

    @cached_property
    def report(self):
        return get_object_or_404(
            QuarterlyReport.objects.visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def get_form_kwargs(self):
        report = self.report
        return {
            **super().get_form_kwargs(),
            "priorities": Priority.objects.filter(plan=report.plan).order_by("number"),
            "existing": {
                c.priority_id: c.text for c in ReportCommentary.objects.filter(report=report)
            },
        }

    def get_intro(self):
        return str(self.report)

    def get_crumbs(self):
        return crumbs_under(*REPORTS, self.report)

    def save(self, form):
        services.save_report_commentary(
            report=self.report, texts=form.texts(), by=self.request.user
        )
        return self.report


report_commentary = ReportCommentaryView.as_view()


class ReportDetailView(PublishingDetailView):
    permission_required = "performance.view_quarterlyreport"
    model = QuarterlyReport
    template_name = "performance/manage/report.html"
    context_object_name = "report"
    publish_url_name = "performance_manage:report_publish"

    def get_queryset(self):
        return super().get_queryset().select_related("plan")


class ReportPublishView(PublishView):
    """The check page (with the quarter's figures it releases), then publishing the report."""

    permission_required = "performance.publish_quarterlyreport"
    model = QuarterlyReport
    refused = (InvalidTransition,)

    def get_form_class(self):
        figures = selectors.figures_released_with(report=self.object)
        return partial(ReportPublishForm, reviewed=review_key(figures))

    def publish(self, data):
        return services.publish_report(
            report=self.object,
            by=self.request.user,
            note=data["change_note"],
            reviewed=data["reviewed"],
        )

    def review(self):
        return review(obj=self.object, parts=selectors.report_release_parts(report=self.object))
