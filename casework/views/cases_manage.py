"""Staff pages for the Panel's statutory cases: the timetable of every open case, and a case's
steps, documents and votes."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from panel.models import Panel
from pcc_portal.publications.views import reauthenticated_at, record_release

from .. import selectors, services
from ..forms import CaseForm, StepForm
from ..models import Case, CaseworkError, Step


def _form_error(form, error):
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error))


def _form_page(request, form, *, title, caption="", intro="", case=None):
    return render(
        request,
        "casework/manage/form.html",
        {"form": form, "title": title, "caption": caption, "intro": intro, "case": case},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@permission_required("casework.view_case", raise_exception=True)
def dashboard(request):
    return render(request, "casework/manage/dashboard.html", selectors.dashboard(request.user))


@login_required
@permission_required("casework.add_case", raise_exception=True)
def case_create(request, kind):
    if kind not in Case.Kind.values:
        raise Http404("No such kind of case.")
    panel = Panel.objects.first()
    if panel is None:
        messages.error(request, "Enter the panel's details first.")
        return redirect("panel_manage:panel")
    form = CaseForm(request.POST or None, kind=kind, instance=Case(panel=panel, kind=kind))
    if request.method == "POST" and form.is_valid():
        try:
            case = services.open_case(case=form.save(commit=False), by=request.user)
        except CaseworkError as error:
            _form_error(form, error)
        else:
            messages.success(request, f"“{case}” was opened.")
            return redirect(case.get_manage_url())
    return _form_page(request, form, title=f"New: {Case.Kind(kind).label.lower()}")


def _case(request, pk):
    return get_object_or_404(
        Case.objects.visible_to(request.user).select_related("meeting", "agenda_item"), pk=pk
    )


@login_required
@permission_required("casework.view_case", raise_exception=True)
def case_detail(request, pk):
    case = _case(request, pk)
    return render(request, "casework/manage/case.html", selectors.case_page(case))


@login_required
@permission_required("casework.change_case", raise_exception=True)
def case_edit(request, pk):
    case = _case(request, pk)
    form = CaseForm(request.POST or None, kind=case.kind, instance=case)
    if request.method == "POST" and form.is_valid():
        case = form.save(commit=False)
        case._change_reason = f"Changed by {request.user}"
        case.save()
        messages.success(request, f"“{case}” was saved.")
        return redirect(case.get_manage_url())
    return _form_page(request, form, title="Change the case", caption=str(case), case=case)


@login_required
@permission_required("casework.add_step", raise_exception=True)
def step_create(request, pk):
    case = _case(request, pk)
    form = StepForm(request.POST or None, request.FILES or None, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            step = services.record_step(
                step=form.save(commit=False),
                document=form.cleaned_data.get("document"),
                by=request.user,
            )
        except CaseworkError as error:
            _form_error(form, error)
        else:
            note = f"“{step.label}” was recorded."
            if step.document_removed:
                note += " Removed from its PDF: " + ", ".join(step.document_removed) + "."
            messages.success(request, note)
            return redirect(case.get_manage_url())
    intro = (
        "This case is public: what you record appears on its public page at once."
        if case.is_public
        else ""
    )
    return _form_page(
        request, form, title="Record a step", caption=str(case), intro=intro, case=case
    )


# Publishing or taking a case off the public pages asks for the password (or a code) again
# when the session has not re-authenticated in the last few minutes; allauth replays the POST.
@require_POST
@login_required
@permission_required("casework.publish_case", raise_exception=True)
@reauthentication_required
def case_publish(request, pk):
    case = _case(request, pk)
    unpublish = request.POST.get("action") == "unpublish"
    try:
        with transaction.atomic():
            if unpublish:
                services.unpublish_case(case=case, by=request.user)
            else:
                services.publish_case(case=case, by=request.user)
            record_release(
                case,
                by=request.user,
                what="Taken off the public pages" if unpublish else "Published",
                at=reauthenticated_at(request),
            )
    except CaseworkError as error:
        messages.error(request, str(error))
    else:
        if unpublish:
            messages.success(request, f"“{case}” was taken off the public pages.")
        else:
            messages.success(request, f"“{case}” is published at {case.get_absolute_url()}.")
    return redirect(case.get_manage_url())


@login_required
@permission_required("casework.view_step", raise_exception=True)
def step_document(request, pk):
    """The document as it will be published (cleaned), for staff to check."""
    step = get_object_or_404(Step.objects.exclude(document=""), pk=pk)
    return FileResponse(
        step.document.open("rb"),
        content_type="application/pdf",
        filename=f"{step.case.kind}-{step.kind}.pdf",
    )
