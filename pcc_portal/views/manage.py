"""The staff area's landing page."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView


class DashboardView(PermissionRequiredMixin, TemplateView):
    permission_required = "accounts.access_manage"
    template_name = "manage/dashboard.html"
