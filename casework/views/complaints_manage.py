"""Staff pages for complaints about the Commissioner and the Deputy: records with the
Regulations' timescales. Nothing here is public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.generic import CreateView, UpdateView

from panel.models import Panel
from pcc_portal.views.generic import FormPage

from .. import services
from ..forms import ComplaintForm
from ..models import CaseworkError, Complaint


@login_required
@permission_required("casework.view_complaint", raise_exception=True)
def complaints(request):
    return render(
        request,
        "casework/manage/complaints.html",
        {
            "complaints": Complaint.objects.all(),
            "today": timezone.localdate(),
        },
    )


class _ComplaintPage(PermissionRequiredMixin, FormPage):
    form_class = ComplaintForm
    template_name = "casework/manage/form.html"
    success_url = reverse_lazy("casework_manage:complaints")
    refused = (CaseworkError,)

    def save(self, form):
        return services.save_complaint(complaint=form.save(commit=False), by=self.request.user)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "caption": "Complaints"}


class ComplaintCreateView(_ComplaintPage, CreateView):
    permission_required = "casework.add_complaint"
    page_title = "Record a complaint"

    def dispatch(self, request, *args, **kwargs):
        if self.has_permission() and not Panel.objects.exists():
            messages.error(request, "Enter the panel's details first.")
            return redirect("panel_manage:panel")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Complaint(panel=Panel.objects.first())}


class ComplaintUpdateView(_ComplaintPage, UpdateView):
    permission_required = "casework.change_complaint"
    model = Complaint

    def get_page_title(self):
        return f"Complaint {self.object.pk}"
