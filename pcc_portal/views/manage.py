"""The staff area's landing page: what needs attention, and the way into each area."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView

from pcc_portal.approvals import selectors as approvals
from pcc_portal.publications.models import RenderJob


class DashboardView(PermissionRequiredMixin, TemplateView):
    permission_required = "accounts.access_manage"
    template_name = "manage/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("publications.view_renderjob"):
            context["failed_jobs"] = (
                RenderJob.objects.needing_attention()
                .select_related("version")
                .prefetch_related("version__content_object")
                .order_by("-created_at")
            )
        context["approval_queue"] = approvals.queue(user=self.request.user)
        context["own_approvals"] = approvals.own_requests(user=self.request.user)
        return context
