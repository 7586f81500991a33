"""Staff pages: the runs of the importers and each run's report, and the upload, check and
applying of spreadsheets of historic decisions and of register entries."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, ListView, View
from django.views.generic.detail import SingleObjectMixin

from pcc_portal.accounts.models import Office
from pcc_portal.publications.views import reauthenticated_at, require_reauthentication
from pcc_portal.tables import csv_response, listed_problems
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage
from pcc_portal.views.steps import refusal_as_message
from pcc_portal.visibility import model_permission

from . import registers, services
from .forms import ApplyEntryImportForm, DecisionImportForm, EntryImportForm
from .models import DecisionImport, EntryImport, ImportRun
from .spreadsheets import UnreadableUpload

PER_PAGE = 50
PREVIEW_ROWS = 100


class RunListView(PermissionRequiredMixin, ListView):
    permission_required = "imports.view_importrun"
    template_name = "imports/manage/run_list.html"
    context_object_name = "runs"
    queryset = ImportRun.objects.select_related("started_by")
    paginate_by = PER_PAGE


class RunDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "imports.view_importrun"
    template_name = "imports/manage/run.html"
    context_object_name = "run"
    queryset = ImportRun.objects.select_related("started_by")


class _UploadList(PermissionRequiredMixin, ListView):
    """The uploads of one kind of import, latest first."""

    context_object_name = "imports"
    paginate_by = PER_PAGE

    def get_queryset(self):
        return super().get_queryset().select_related("uploaded_by", "run")


class DecisionImportListView(_UploadList):
    permission_required = "imports.view_decisionimport"
    template_name = "imports/manage/decision_import_list.html"
    model = DecisionImport


class _UploadPage(PermissionRequiredMixin, FormPage, FormView):
    """An upload: the spreadsheet is checked and previewed on the import's own page, which says
    what the check found, and nothing is applied until staff confirm there. A spreadsheet or ZIP
    that cannot be read at all is refused beside its field."""

    http_method_names = ["get", "post"]
    success_message = ""  # the import's page says what the check found
    refused = (UnreadableUpload,)

    def get_success_url(self):
        return self.object.get_absolute_url()


class DecisionImportUploadView(_UploadPage):
    permission_required = "imports.add_decisionimport"
    form_class = DecisionImportForm
    template_name = "imports/manage/decision_import_upload.html"

    def save(self, form):
        return services.upload_decision_import(
            table=form.cleaned_data["table"],
            notices=form.cleaned_data["notices"],
            by=self.request.user,
        )


decision_import_upload = DecisionImportUploadView.as_view()


@staff("imports.view_decisionimport")
def decision_import_detail(request, pk):
    decision_import = get_object_or_404(
        DecisionImport.objects.select_related("uploaded_by", "run"), pk=pk
    )
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
            **listed_problems(decision_import),
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


class DiscardView(PermissionRequiredMixin, SingleObjectMixin, View):
    """Discard an upload of decisions or of register entries that was not applied."""

    def post(self, request, *args, **kwargs):
        spreadsheet_import = self.get_object()
        with refusal_as_message(request):
            services.discard_import(spreadsheet_import=spreadsheet_import)
            messages.success(request, "The import was discarded: nothing was applied.")
        return redirect(spreadsheet_import.get_absolute_url())


decision_import_discard = require_POST(
    DiscardView.as_view(model=DecisionImport, permission_required="imports.add_decisionimport")
)


# Register entries ----------------------------------------------------------------------------


def _importable(register):
    if register not in registers.IMPORTABLE:
        raise Http404("No such register.")
    return register


class EntryImportListView(_UploadList):
    permission_required = "imports.view_entryimport"
    template_name = "imports/manage/entry_import_list.html"
    model = EntryImport
    extra_context = {"registers": registers.IMPORTABLE.items()}


class EntryImportUploadView(_UploadPage):
    """A register's columns, its template and the upload."""

    permission_required = "imports.add_entryimport"
    form_class = EntryImportForm
    template_name = "imports/manage/entry_import_upload.html"

    @cached_property
    def register(self):
        return _importable(self.kwargs["register"])

    @cached_property
    def keeps_files(self):
        return registers.keeps_files(self.register)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "keeps_files": self.keeps_files}

    def get_page_title(self):
        return registers.IMPORTABLE[self.register]

    def save(self, form):
        return services.upload_entry_import(
            register=self.register,
            table=form.cleaned_data["table"],
            files=form.cleaned_data.get("files"),
            by=self.request.user,
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "register": self.register,
            "columns": registers.columns_of(self.register),
            "keeps_files": self.keeps_files,
        }


entry_import_upload = EntryImportUploadView.as_view()


@staff("imports.add_entryimport")
def entry_import_template(request, register, extension):
    register = _importable(register)
    if extension == "csv":
        return csv_response(registers.template_csv_rows(register), filename=f"{register}.csv")
    response = HttpResponse(
        registers.template_xlsx(register),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{register}.xlsx"'
    return response


def _may_release(user, register):
    return user.has_perm(model_permission(registers.model_of(register), "publish"))


def _entry_import_page(request, entry_import, form=None, status=200):
    may_release = _may_release(request.user, entry_import.register)
    form = form or ApplyEntryImportForm(may_release=may_release)
    form.helper.form_action = reverse("imports:entry_apply", kwargs={"pk": entry_import.pk})
    headings = [column.heading for column in registers.public_columns(entry_import.register)]
    preview = [
        {**row, "pairs": list(zip(headings, row["shown"], strict=False))}
        for row in entry_import.rows[:PREVIEW_ROWS]
    ]
    files = [
        {**file, "row": row["row"], "action": row["action"]}
        for row in entry_import.rows
        for file in row.get("files", [])
    ]
    return render(
        request,
        "imports/manage/entry_import.html",
        {
            "entry_import": entry_import,
            **listed_problems(entry_import),
            "preview": preview,
            "preview_limit": PREVIEW_ROWS,
            "files": files,
            "form": form,
        },
        status=status,
    )


@staff("imports.view_entryimport")
def entry_import_detail(request, pk):
    """The check page: every row as the register will show it, and what applying does."""
    entry_import = get_object_or_404(
        EntryImport.objects.select_related("uploaded_by", "run"), pk=pk
    )
    return _entry_import_page(request, entry_import)


@require_POST
@staff("imports.apply_entryimport")
def entry_import_apply(request, pk):
    entry_import = get_object_or_404(EntryImport, pk=pk)
    form = ApplyEntryImportForm(
        request.POST, may_release=_may_release(request.user, entry_import.register)
    )
    if not form.is_valid():
        return _entry_import_page(request, entry_import, form=form, status=400)
    if form.release:
        # Releasing publishes: like any release it asks for the password again once the form
        # is complete, and allauth replays this POST.
        require_reauthentication(request)
    try:
        entry_import = services.apply_entry_import(
            entry_import=entry_import,
            by=request.user,
            release=form.release,
            reauthenticated_at=reauthenticated_at(request) if form.release else None,
        )
    except services.ImportFailed as error:
        messages.error(request, str(error))
    except IntegrityError:
        messages.error(
            request,
            "Another import brought in some of these rows at the same time: nothing was "
            "applied. Upload the file again to see what is left to import.",
        )
    else:
        if entry_import.status == EntryImport.Status.APPLIED:
            run = entry_import.run
            done = "imported and released" if form.release else "imported as drafts"
            messages.success(
                request,
                f"{run.created_count} entr{'y' if run.created_count == 1 else 'ies'} {done}"
                + (
                    f"; {run.unchanged_count} already in the register, left as they were."
                    if run.unchanged_count
                    else "."
                ),
            )
        else:
            messages.error(request, "Nothing was applied: the file now has problems, listed below.")
    return redirect(entry_import.get_absolute_url())


entry_import_discard = require_POST(
    DiscardView.as_view(model=EntryImport, permission_required="imports.add_entryimport")
)
