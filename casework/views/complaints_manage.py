"""Staff pages for complaints about the Commissioner and the Deputy: records with the
Regulations' timescales. Nothing here is public."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.generic import CreateView, ListView, UpdateView

from panel.models import Panel
from panel.views.manage_people import PanelFirst
from pcc_portal.views.generic import VisibleToUser

from .. import services
from ..forms import ComplaintForm
from ..models import Complaint
from .cases_manage import CaseworkPage


class ComplaintListView(PermissionRequiredMixin, VisibleToUser, ListView):
    permission_required = "casework.view_complaint"
    model = Complaint
    template_name = "casework/manage/complaints.html"
    context_object_name = "complaints"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "today": timezone.localdate()}


complaints = ComplaintListView.as_view()


class _ComplaintPage:
    form_class = ComplaintForm
    success_url = reverse_lazy("casework_manage:complaints")

    def save(self, form):
        return services.save_complaint(complaint=self.edited(form), by=self.request.user)

    caption = "Complaints"


class ComplaintCreateView(_ComplaintPage, CaseworkPage, PanelFirst, CreateView):
    permission_required = "casework.add_complaint"
    page_title = "Record a complaint"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Complaint(panel=Panel.objects.first())}


class ComplaintUpdateView(_ComplaintPage, CaseworkPage, UpdateView):
    permission_required = "casework.change_complaint"
    model = Complaint

    def get_page_title(self):
        return f"Complaint {self.object.pk}"
