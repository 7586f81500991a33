"""Staff pages: the runs of the importers and each run's report, and the upload, check and
applying of spreadsheets of historic decisions."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pcc_portal.accounts.models import Office

from . import services
from .forms import DecisionImportForm
from .models import DecisionImport, ImportRun
from .spreadsheets import UnreadableUpload

RUNS_SHOWN = 100
PREVIEW_ROWS = 100


def staff(permission):
    """login_required then the permission (403 for the signed-in without it)."""

    def decorate(view):
        return login_required(permission_required(permission, raise_exception=True)(view))

    return decorate


@staff("imports.view_importrun")
def run_list(request):
    runs = ImportRun.objects.select_related("started_by")[:RUNS_SHOWN]
    return render(request, "imports/manage/run_list.html", {"runs": runs, "limit": RUNS_SHOWN})


@staff("imports.view_importrun")
def run_detail(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("started_by"), pk=pk)
    return render(request, "imports/manage/run.html", {"run": run})


@staff("imports.view_decisionimport")
def decision_import_list(request):
    imports = DecisionImport.objects.select_related("uploaded_by", "run")[:RUNS_SHOWN]
    return render(request, "imports/manage/decision_import_list.html", {"imports": imports})


@staff("imports.add_decisionimport")
def decision_import_upload(request):
    form = DecisionImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision_import = services.upload_decision_import(
                table=form.cleaned_data["table"],
                notices=form.cleaned_data["notices"],
                by=request.user,
            )
        except UnreadableUpload as error:
            form.add_error(error.field, str(error))
        else:
            return redirect(decision_import.get_absolute_url())
    return render(
        request,
        "imports/manage/decision_import_upload.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@staff("imports.view_decisionimport")
def decision_import_detail(request, pk):
    decision_import = get_object_or_404(
        DecisionImport.objects.select_related("uploaded_by", "run"), pk=pk
    )
    by_row = {}
    for error in decision_import.errors:
        by_row.setdefault(error["row"], []).append(error)
    offices = {office.pk: office for office in Office.objects.all()}
    preview = [
        {**row, "office": offices.get(row["office_id"])}
        for row in decision_import.rows[:PREVIEW_ROWS]
    ]
    return render(
        request,
        "imports/manage/decision_import.html",
        {
            "decision_import": decision_import,
            "error_rows": sorted(by_row.items()),
            "errors_cut_short": decision_import.error_row_count > len(by_row),
            "preview": preview,
            "preview_limit": PREVIEW_ROWS,
        },
    )


# Applying publishes every decision of the file: like any release, it asks for the password (or
# a code) again when the session has not re-authenticated recently; allauth replays the POST.
@require_POST
@staff("imports.apply_decisionimport")
@reauthentication_required
def decision_import_apply(request, pk):
    decision_import = get_object_or_404(DecisionImport, pk=pk)
    try:
        decision_import = services.apply_decision_import(
            decision_import=decision_import, by=request.user
        )
    except services.ImportFailed as error:
        messages.error(request, str(error))
    else:
        if decision_import.status == DecisionImport.Status.APPLIED:
            messages.success(
                request,
                f"{decision_import.run.created_count} decisions imported and published, each "
                "with its own reference and date.",
            )
        else:
            messages.error(request, "Nothing was applied: the file now has problems, listed below.")
    return redirect(decision_import.get_absolute_url())


@require_POST
@staff("imports.add_decisionimport")
def decision_import_discard(request, pk):
    decision_import = get_object_or_404(DecisionImport, pk=pk)
    services.discard_decision_import(decision_import=decision_import)
    messages.success(request, "The import was discarded: nothing was applied.")
    return redirect(decision_import.get_absolute_url())
