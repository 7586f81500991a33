"""Staff pages for complaints about the Commissioner and the Deputy: records with the
Regulations' timescales. Nothing here is public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from panel.models import Panel

from .. import services
from ..forms import ComplaintForm
from ..models import CaseworkError, Complaint
from .cases_manage import _form_error, _form_page


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


def _save(request, form, title, complaint=None):
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_complaint(complaint=form.save(commit=False), by=request.user)
        except CaseworkError as error:
            _form_error(form, error)
        else:
            messages.success(request, f"“{saved}” was saved.")
            return redirect("casework_manage:complaints")
    return _form_page(request, form, title=title, caption="Complaints")


@login_required
@permission_required("casework.add_complaint", raise_exception=True)
def complaint_create(request):
    panel = Panel.objects.first()
    if panel is None:
        messages.error(request, "Enter the panel's details first.")
        return redirect("panel_manage:panel")
    form = ComplaintForm(request.POST or None, instance=Complaint(panel=panel))
    return _save(request, form, "Record a complaint")


@login_required
@permission_required("casework.change_complaint", raise_exception=True)
def complaint_edit(request, pk):
    complaint = get_object_or_404(Complaint, pk=pk)
    form = ComplaintForm(request.POST or None, instance=complaint)
    return _save(request, form, f"Complaint {complaint.pk}", complaint)
