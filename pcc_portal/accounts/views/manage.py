"""Staff pages for the OPCC's offices and who holds them: the record every declaration and
signature is checked against. For those with the ``accounts.manage_offices`` permission."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import CreateView, UpdateView

from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage

from ..forms import OfficeForm, OfficeHoldingForm
from ..models import Office, OfficeHolding

PERMISSION = "accounts.manage_offices"


@staff(PERMISSION)
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


class _OfficesPage(PermissionRequiredMixin, FormPage):
    permission_required = PERMISSION


class OfficeCreateView(_OfficesPage, CreateView):
    form_class = OfficeForm
    template_name = "accounts/manage/office_form.html"
    change_reason = "Created"


class OfficeUpdateView(_OfficesPage, UpdateView):
    model = Office
    form_class = OfficeForm
    template_name = "accounts/manage/office_form.html"
    context_object_name = "office"
    change_reason = "Changed"


class _HoldingPage:
    """A holding is always of one office: the form checks its dates against that office's
    other holders, and the page goes back to the list of offices."""

    form_class = OfficeHoldingForm
    template_name = "accounts/manage/holding_form.html"
    context_object_name = "holding"
    success_message = "Saved: {object}."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.office}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "office": self.office}

    def save(self, form):
        form.instance.office = self.office
        return super().save(form)

    def get_success_url(self):
        return self.office.get_manage_url()


class HoldingCreateView(_HoldingPage, _OfficesPage, CreateView):
    @cached_property
    def office(self):
        return get_object_or_404(Office, pk=self.kwargs["pk"])


class HoldingUpdateView(_HoldingPage, _OfficesPage, UpdateView):
    queryset = OfficeHolding.objects.select_related("office", "user")

    @property
    def office(self):
        return self.object.office
