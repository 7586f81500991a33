"""Staff views for spreadsheet imports of figures: uploading one, its check and preview,
applying or discarding it."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView

from pcc_portal.tables import csv_response, listed_problems
from pcc_portal.views.decorators import staff
from pcc_portal.views.steps import refusal_as_message
from plans.models import Measure

from .. import services
from ..forms import ImportUploadForm
from ..models import MeasureImport
from ..selectors.imports import flagged_rows, import_measures, preview_rows
from .manage import StaffFormPage, _plans, crumbs_under

PREVIEW_ROWS = 50


class ImportListView(PermissionRequiredMixin, ListView):
    permission_required = "performance.view_measureimport"
    template_name = "performance/manage/import_list.html"
    context_object_name = "imports"
    queryset = MeasureImport.objects.select_related("plan", "uploaded_by", "applied_by")
    paginate_by = 50


class ImportUploadView(StaffFormPage, FormView):
    """Upload a spreadsheet of figures: it is checked and previewed on the import's own page,
    and nothing is applied until staff confirm there."""

    http_method_names = ["get", "post"]
    permission_required = "performance.add_measureimport"
    form_class = ImportUploadForm
    template_name = "performance/manage/import_upload.html"
    page_title = "Import figures from a spreadsheet"
    success_message = ""  # the import's page says what the check found

    def get_crumbs(self):
        return crumbs_under("performance_manage:imports", "Imports")

    def save(self, form):
        return services.upload_import(
            plan=form.cleaned_data["plan"], upload=form.cleaned_data["file"], by=self.request.user
        )

    def get_success_url(self):
        return self.object.get_absolute_url()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "plans": import_measures(plans=_plans())}


import_upload = ImportUploadView.as_view()


@staff("performance.add_measureimport")
def import_template(request):
    plan_id = request.GET.get("plan", "")
    valid = plan_id.isdecimal() and len(plan_id) < 19  # a number the database can compare
    plan = get_object_or_404(_plans(), pk=int(plan_id) if valid else 0)
    measures = Measure.objects.filter(plan=plan).exclude(unit="")
    rows = [
        ["measure", "period", "value", "comparison", "target", "source", "note"],
        *(
            [measure.pk, "", "", "", "", "", measure.wording]
            for measure in measures.order_by("priority__number", "order", "pk")
        ),
    ]
    return csv_response(rows, filename=f"figures-{plan.slug}.csv")


@staff("performance.view_measureimport")
def import_detail(request, pk):
    measure_import = get_object_or_404(
        MeasureImport.objects.select_related("plan", "uploaded_by", "applied_by"), pk=pk
    )
    return render(
        request,
        "performance/manage/import.html",
        {
            "measure_import": measure_import,
            "flagged": flagged_rows(measure_import=measure_import),
            "flags_cut_short": measure_import.flag_count > len(measure_import.flags),
            **listed_problems(measure_import),
            "preview": preview_rows(measure_import=measure_import, limit=PREVIEW_ROWS),
            "preview_limit": PREVIEW_ROWS,
        },
    )


@require_POST
@staff("performance.change_measureimport")
def import_apply(request, pk):
    measure_import = get_object_or_404(MeasureImport, pk=pk)
    confirmed = request.POST.get("confirmed") == "yes"
    with refusal_as_message(request):
        measure_import = services.apply_import(
            measure_import=measure_import, by=request.user, confirmed=confirmed
        )
        if measure_import.status == MeasureImport.Status.APPLIED:
            messages.success(
                request,
                f"{measure_import.row_count} rows applied: {measure_import.new_count} new "
                f"figures, {measure_import.replaced_count} replaced. They are drafts until a "
                "decision maker releases each quarter's figures.",
            )
        elif measure_import.errors:
            messages.error(request, "Nothing was applied: the file now has errors, listed below.")
        elif confirmed:
            messages.error(
                request,
                "Nothing was applied: the rows to check changed since you saw them. Check the "
                "rows listed below, then confirm again.",
            )
        else:
            messages.error(
                request,
                "Nothing was applied: tick “I have checked the flagged figures” once you have "
                "checked each row listed below.",
            )
    return redirect(measure_import.get_absolute_url())


@require_POST
@staff("performance.change_measureimport")
def import_discard(request, pk):
    measure_import = get_object_or_404(MeasureImport, pk=pk)
    with refusal_as_message(request):
        services.discard_import(measure_import=measure_import, by=request.user)
        messages.success(request, "The import was discarded: nothing was applied.")
    return redirect(measure_import.get_absolute_url())
