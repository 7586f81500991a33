"""Staff pages for the OPCC's offices and who holds them: the record every declaration and
signature is checked against. For those with the ``accounts.manage_offices`` permission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from ..forms import OfficeForm, OfficeHoldingForm
from ..models import Office, OfficeHolding

PERMISSION = "accounts.manage_offices"


@login_required
@permission_required(PERMISSION, raise_exception=True)
def office_list(request):
    holdings = OfficeHolding.objects.select_related("user").order_by("-starts_on")
    offices = Office.objects.prefetch_related(Prefetch("holdings", queryset=holdings))
    today = timezone.localdate()
    rows = [
        {
            "office": office,
            "current": [h for h in office.holdings.all() if h.is_held_on(today)],
            "holdings": list(office.holdings.all()),
        }
        for office in offices
    ]
    return render(request, "accounts/manage/office_list.html", {"rows": rows, "today": today})


def _office_form(request, office):
    form = OfficeForm(request.POST or None, instance=office)
    if request.method == "POST" and form.is_valid():
        form.instance._change_reason = "Changed" if office else "Created"
        saved = form.save()
        messages.success(request, f"\u201c{saved}\u201d was saved.")
        return redirect(saved.get_manage_url())
    return render(request, "accounts/manage/office_form.html", {"form": form, "office": office})


@login_required
@permission_required(PERMISSION, raise_exception=True)
def office_create(request):
    return _office_form(request, None)


@login_required
@permission_required(PERMISSION, raise_exception=True)
def office_edit(request, pk):
    return _office_form(request, get_object_or_404(Office, pk=pk))


def _holding_form(request, office, holding):
    form = OfficeHoldingForm(request.POST or None, instance=holding, office=office)
    if request.method == "POST" and form.is_valid():
        form.instance.office = office
        saved = form.save()
        messages.success(request, f"Saved: {saved}.")
        return redirect(office.get_manage_url())
    return render(
        request,
        "accounts/manage/holding_form.html",
        {"form": form, "office": office, "holding": holding},
    )


@login_required
@permission_required(PERMISSION, raise_exception=True)
def holding_create(request, pk):
    return _holding_form(request, get_object_or_404(Office, pk=pk), None)


@login_required
@permission_required(PERMISSION, raise_exception=True)
def holding_edit(request, pk):
    holding = get_object_or_404(OfficeHolding.objects.select_related("office", "user"), pk=pk)
    return _holding_form(request, holding.office, holding)
