"""Staff views for decisions: drafting, Part 2, attachments, the approval workflow, publishing,
continuing the numbering, and the Panel's decisions reports. Each action view parses input and
calls one service; signing and publishing ask the user to re-authenticate first."""

from urllib.parse import urlencode

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import CreateView, ListView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.financial_year import financial_year_label
from pcc_portal.publications import services as publishing
from pcc_portal.publications.selectors import publishing_panel, review
from pcc_portal.publications.views import publish_after_review, reauthenticated_at

from .. import duties, services
from ..attachments import UnsafeAttachment
from ..forms import (
    AttachmentForm,
    ContinueNumberingForm,
    DecisionForm,
    DecisionPart2Form,
    DecisionsReportForm,
    Part2AttachmentForm,
    ReasonForm,
)
from ..models import (
    CHIEF_FINANCE_OFFICER_DECLARATION,
    MONITORING_OFFICER_DECLARATION,
    Decision,
    DecisionPart2,
    DecisionSequence,
    DecisionsReport,
)
from ..selectors import publication_compliance, publication_review

Status = Decision.Status


def _decision(request, pk, *, lock_editable=False):
    decision = get_object_or_404(Decision.objects.visible_to(request.user), pk=pk)
    if lock_editable and not decision.is_editable:
        messages.error(
            request,
            f"{decision} is {decision.get_status_display().lower()}: it can no longer be changed.",
        )
        return decision, redirect(decision.get_manage_url())
    return decision, None


def _detail_url(decision):
    return reverse("decisions_manage:detail", kwargs={"pk": decision.pk})


# --- list, create, edit -----------------------------------------------------------------------
class DecisionListView(PermissionRequiredMixin, ListView):
    permission_required = "decisions.view_decision"
    template_name = "decisions/manage/list.html"
    context_object_name = "decisions"
    paginate_by = 50

    def get_queryset(self):
        decisions = (
            Decision.objects.visible_to(self.request.user).with_priorities().order_by("-updated_at")
        )
        status = self.request.GET.get("status")
        if status in Status.values:
            decisions = decisions.filter(status=status)
        return decisions

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "compliance": publication_compliance(),
            "statuses": Status.choices,
            "current_status": self.request.GET.get("status", ""),
            "query": urlencode({"status": self.request.GET["status"]})
            if self.request.GET.get("status")
            else "",
        }


class DecisionCreateView(PermissionRequiredMixin, CreateView):
    permission_required = "decisions.add_decision"
    form_class = DecisionForm
    template_name = "decisions/manage/form.html"

    def form_valid(self, form):
        form.instance.created_by = self.request.user
        form.instance._change_reason = "Drafted"
        response = super().form_valid(form)
        messages.success(self.request, f"\u201c{self.object}\u201d was saved as a draft.")
        return response

    def get_success_url(self):
        return _detail_url(self.object)


class DecisionUpdateView(PermissionRequiredMixin, UpdateView):
    permission_required = "decisions.change_decision"
    form_class = DecisionForm
    template_name = "decisions/manage/form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            _, refused = _decision(request, kwargs["pk"], lock_editable=True)
            if refused:
                return refused
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Decision.objects.visible_to(self.request.user).filter(status=Status.DRAFT)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"Your changes to \u201c{self.object}\u201d were saved.")
        return response

    def get_success_url(self):
        return _detail_url(self.object)


# --- the staff page of one decision ------------------------------------------------------------
def _duties(request, decision):
    """For each step open now, whether this user may take it and, if not, why (shown beside the
    step to those whose role has it, so the refusal is explained rather than a dead end)."""
    user, today = request.user, timezone.localdate()
    steps = {}
    if decision.status == Status.SUBMITTED:
        if not decision.legal_declared:
            steps["legal"] = duties.legal_declaration_refusal(decision, user, on=today)
        if decision.finance_declaration_needed and not decision.finance_declared:
            steps["finance"] = duties.finance_declaration_refusal(decision, user, on=today)
    if decision.status == Status.DECLARED:
        steps["sign"] = duties.signature_refusal(decision, user, on=today)
    if decision.status in (Status.SUBMITTED, Status.DECLARED):
        steps["reject"] = duties.rejection_refusal(decision, user, on=today)
    return steps


def _render_detail(request, decision):
    can_see_part2 = request.user.has_perm("decisions.view_decisionpart2")
    context = {
        "decision": decision,
        "object": decision,
        "attachments": decision.attachments.all(),
        "part2": DecisionPart2.objects.visible_to(request.user).filter(decision=decision).first()
        if can_see_part2
        else None,
        "can_see_part2": can_see_part2,
        "missing": services.missing_for_submission(decision) if decision.is_editable else [],
        "today": timezone.localdate(),
        "declaration_text": MONITORING_OFFICER_DECLARATION,
        "finance_declaration_text": CHIEF_FINANCE_OFFICER_DECLARATION,
        "duties": _duties(request, decision),
    }
    if decision.is_signed:
        context.update(
            publishing_panel(
                obj=decision,
                user=request.user,
                publish_url=reverse("decisions_manage:publish", kwargs={"pk": decision.pk}),
                publish_permission="decisions.publish_decision",
            )
        )
        context["preview_html"] = publishing.freeze(obj=decision)[0]
    return render(request, "decisions/manage/detail.html", context)


@login_required
@permission_required("decisions.view_decision", raise_exception=True)
def decision_detail(request, pk):
    decision, _ = _decision(request, pk)
    return _render_detail(request, decision)


# --- workflow -----------------------------------------------------------------------------------
def _transition(request, pk, action, success):
    decision, _ = _decision(request, pk)
    try:
        action(decision)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success(decision))
    return redirect(_detail_url(decision))


def _submitted_message(decision):
    message = f"\u201c{decision.title}\u201d was sent to the monitoring officer"
    if decision.has_financial_implications:
        message += " and the chief finance officer"
    if decision.reference:
        message += f" as decision {decision.reference}"
    return message + "."


def _declared_message(decision):
    if decision.status == Status.DECLARED:
        return "Your declaration is recorded: the decision is ready for signature."
    return "Your declaration is recorded: the decision awaits the other declaration."


@require_POST
@login_required
@permission_required("decisions.change_decision", raise_exception=True)
def decision_submit(request, pk):
    return _transition(
        request,
        pk,
        lambda d: services.submit_decision(decision=d, by=request.user),
        _submitted_message,
    )


@require_POST
@login_required
@permission_required("decisions.declare_decision", raise_exception=True)
def decision_declare(request, pk):
    return _transition(
        request,
        pk,
        lambda d: services.declare_decision(decision=d, by=request.user),
        _declared_message,
    )


@require_POST
@login_required
@permission_required("decisions.declare_decision", raise_exception=True)
def decision_declare_finance(request, pk):
    return _transition(
        request,
        pk,
        lambda d: services.declare_decision_finance(decision=d, by=request.user),
        _declared_message,
    )


# Signing asks for the password (or, with two-factor sign-in, a code) again when the session has
# not re-authenticated in the last few minutes; allauth then replays this POST.
@require_POST
@login_required
@permission_required("decisions.sign_decision", raise_exception=True)
@reauthentication_required
def decision_sign(request, pk):
    return _transition(
        request,
        pk,
        lambda d: services.sign_decision(
            decision=d, by=request.user, reauthenticated_at=reauthenticated_at(request)
        ),
        lambda d: (
            f"You signed decision {d.reference}. Publish it by {d.publication_due_on:%-d %B %Y}."
        ),
    )


def _reason_view(request, pk, *, service, title, label, hint, submit, done):
    decision, _ = _decision(request, pk)
    form = ReasonForm(request.POST or None, label=label, hint=hint, submit=submit)
    if request.method == "POST" and form.is_valid():
        try:
            service(decision=decision, by=request.user, reason=form.cleaned_data["reason"])
        except InvalidTransition as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
        return redirect(_detail_url(decision))
    return render(
        request,
        "decisions/manage/reason_form.html",
        {"decision": decision, "form": form, "title": title},
    )


@login_required
@permission_required("decisions.sign_decision", raise_exception=True)
def decision_reject(request, pk):
    return _reason_view(
        request,
        pk,
        service=services.reject_decision,
        title="Reject this decision",
        label="Why is it rejected?",
        hint="Kept with the record and shown to its author.",
        submit="Reject the decision",
        done="The decision was rejected.",
    )


@login_required
@permission_required("decisions.change_decision", raise_exception=True)
def decision_withdraw(request, pk):
    return _reason_view(
        request,
        pk,
        service=services.withdraw_decision,
        title="Withdraw this decision",
        label="Why is it withdrawn?",
        hint="For example \u201cSuperseded by a joint decision with the fire authority\u201d.",
        submit="Withdraw the decision",
        done="The decision was withdrawn.",
    )


@login_required
@permission_required("decisions.change_decision", raise_exception=True)
def decision_return(request, pk):
    return _reason_view(
        request,
        pk,
        service=services.return_to_draft,
        title="Return this decision for changes",
        label="What needs to change?",
        hint="Its author sees this; the monitoring officer's declaration is made again after.",
        submit="Return for changes",
        done="The decision was returned to draft for changes.",
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("decisions.publish_decision", raise_exception=True)
@reauthentication_required
def decision_publish(request, pk):
    """The check page (the notice, and the attachments published with Part 1), then publishing
    the signed decision."""
    decision, _ = _decision(request, pk)
    if not decision.is_signed:
        raise Http404("Only a signed decision can be published.")
    return publish_after_review(
        request,
        obj=decision,
        publish=lambda data: services.publish_decision(
            decision=decision,
            by=request.user,
            note=data["change_note"],
            reauthenticated_at=reauthenticated_at(request),
        ),
        review=lambda: review(obj=decision, **publication_review(decision)),
        refused=(InvalidTransition,),
        reauthenticate=False,  # asked for above, on the check page too; the service records it
        published_message=lambda version: (
            f"Version {version.number} of decision "
            f"{decision.reference} is being published. The public sees it as soon as its PDF is "
            "ready."
        ),
    )


# --- numbering ----------------------------------------------------------------------------------
@login_required
@permission_required("decisions.change_decisionsequence", raise_exception=True)
def numbering(request):
    """Continue an earlier system's sequence: the year's next decision takes the number after
    the last one it issued. Refuses to go backwards, beside the field."""
    form = ContinueNumberingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        year, last = form.cleaned_data["financial_year"], form.cleaned_data["last_number"]
        try:
            services.continue_numbering(financial_year=year, last_number=last)
        except InvalidTransition as error:
            form.add_error("last_number", str(error))
        else:
            messages.success(
                request,
                f"The next decision of {financial_year_label(year)} takes {last + 1:02d}/{year}.",
            )
            return redirect("decisions_manage:numbering")
    return render(
        request,
        "decisions/manage/numbering.html",
        {
            "form": form,
            "sequences": DecisionSequence.objects.order_by("-financial_year"),
            "at_raise": services.numbering_at_raise(),
        },
    )


# --- Part 1 attachments -------------------------------------------------------------------------
def _attached_message(attachment, done):
    message = f"\u201c{attachment.title}\u201d {done}."
    if attachment.removed:
        message += f" Removed from it before anyone sees it: {', '.join(attachment.removed)}."
    if not attachment.tagged:
        message += (
            " It is not a tagged PDF, so it may not suit assistive technology: the check page "
            "will say so."
        )
    return message


@login_required
@permission_required("decisions.change_decision", raise_exception=True)
def attachment_add(request, pk):
    decision, refused = _decision(request, pk, lock_editable=True)
    if refused:
        return refused
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.add_attachment(
                decision=decision,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                by=request.user,
            )
        except UnsafeAttachment as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _attached_message(attachment, "was attached"))
            return redirect(_detail_url(decision))
    return render(
        request,
        "decisions/manage/attachment_form.html",
        {"decision": decision, "form": form, "part": "Part 1"},
    )


@login_required
@permission_required("decisions.view_decision", raise_exception=True)
def attachment_download(request, pk, attachment_pk):
    decision, _ = _decision(request, pk)
    document = get_object_or_404(decision.attachments, pk=attachment_pk)
    return FileResponse(document.file.open("rb"), content_type="application/pdf")


@require_POST
@login_required
@permission_required("decisions.change_decision", raise_exception=True)
def attachment_delete(request, pk, attachment_pk):
    decision, refused = _decision(request, pk, lock_editable=True)
    if refused:
        return refused
    document = get_object_or_404(decision.attachments, pk=attachment_pk)
    document.delete()
    messages.success(request, f"\u201c{document.title}\u201d was removed.")
    return redirect(_detail_url(decision))


# --- Part 2 -------------------------------------------------------------------------------------
def _part2_or_404(request, decision):
    return get_object_or_404(DecisionPart2.objects.visible_to(request.user), decision=decision)


@login_required
@permission_required("decisions.view_decisionpart2", raise_exception=True)
def part2_detail(request, pk):
    decision, _ = _decision(request, pk)
    part2 = DecisionPart2.objects.visible_to(request.user).filter(decision=decision).first()
    return render(
        request,
        "decisions/manage/part2.html",
        {"decision": decision, "part2": part2},
    )


@login_required
@permission_required("decisions.change_decisionpart2", raise_exception=True)
def part2_edit(request, pk):
    decision, refused = _decision(request, pk, lock_editable=True)
    if refused:
        return refused
    instance = DecisionPart2.objects.filter(decision=decision).first()
    form = DecisionPart2Form(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.instance.decision = decision
        form.save()
        messages.success(request, "Part 2 was saved. It is never published.")
        return redirect("decisions_manage:part2", pk=decision.pk)
    return render(
        request,
        "decisions/manage/part2_form.html",
        {"decision": decision, "form": form},
    )


@login_required
@permission_required("decisions.change_decisionpart2", raise_exception=True)
def part2_attachment_add(request, pk):
    decision, refused = _decision(request, pk, lock_editable=True)
    if refused:
        return refused
    part2 = _part2_or_404(request, decision)
    form = Part2AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.add_part2_attachment(
                part2=part2,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                by=request.user,
            )
        except UnsafeAttachment as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _attached_message(attachment, "was attached to Part 2"))
            return redirect("decisions_manage:part2", pk=decision.pk)
    return render(
        request,
        "decisions/manage/attachment_form.html",
        {"decision": decision, "form": form, "part": "Part 2"},
    )


@login_required
@permission_required("decisions.view_decisionpart2", raise_exception=True)
def part2_attachment_download(request, pk, attachment_pk):
    decision, _ = _decision(request, pk)
    document = get_object_or_404(_part2_or_404(request, decision).attachments, pk=attachment_pk)
    response = FileResponse(document.file.open("rb"), content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
@permission_required("decisions.change_decisionpart2", raise_exception=True)
def part2_attachment_delete(request, pk, attachment_pk):
    decision, refused = _decision(request, pk, lock_editable=True)
    if refused:
        return refused
    document = get_object_or_404(_part2_or_404(request, decision).attachments, pk=attachment_pk)
    document.delete()
    messages.success(request, f"\u201c{document.title}\u201d was removed from Part 2.")
    return redirect("decisions_manage:part2", pk=decision.pk)


# --- the Panel's decisions reports ------------------------------------------------------------
class ReportListView(PermissionRequiredMixin, ListView):
    permission_required = "decisions.view_decisionsreport"
    template_name = "decisions/manage/report_list.html"
    context_object_name = "reports"

    def get_queryset(self):
        return DecisionsReport.objects.visible_to(self.request.user)


class ReportCreateView(PermissionRequiredMixin, CreateView):
    permission_required = "decisions.add_decisionsreport"
    form_class = DecisionsReportForm
    template_name = "decisions/manage/report_form.html"

    def form_valid(self, form):
        form.instance._change_reason = "Drafted"
        response = super().form_valid(form)
        messages.success(self.request, f"\u201c{self.object}\u201d was saved as a draft.")
        return response

    def get_success_url(self):
        return self.object.get_manage_url()


class ReportUpdateView(PermissionRequiredMixin, UpdateView):
    permission_required = "decisions.change_decisionsreport"
    form_class = DecisionsReportForm
    template_name = "decisions/manage/report_form.html"

    def get_queryset(self):
        return DecisionsReport.objects.visible_to(self.request.user)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            f"Your changes to \u201c{self.object}\u201d were saved. "
            "The public sees them when you publish.",
        )
        return response

    def get_success_url(self):
        return self.object.get_manage_url()


def _render_report(request, report):
    unpublished = (
        Decision.objects.visible_to(request.user)
        .awaiting_publication()
        .filter(decision_date__range=(report.period_start, report.period_end))
        .order_by("financial_year", "number")
    )
    context = {
        "report": report,
        "object": report,
        "unpublished": unpublished,
        **publishing_panel(
            obj=report,
            user=request.user,
            publish_url=reverse("decisions_manage:report_publish", kwargs={"pk": report.pk}),
            publish_permission="decisions.publish_decisionsreport",
        ),
        "preview_html": publishing.freeze(obj=report)[0],
    }
    return render(request, "decisions/manage/report_detail.html", context)


@login_required
@permission_required("decisions.view_decisionsreport", raise_exception=True)
def report_detail(request, pk):
    report = get_object_or_404(DecisionsReport.objects.visible_to(request.user), pk=pk)
    return _render_report(request, report)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("decisions.publish_decisionsreport", raise_exception=True)
def report_publish(request, pk):
    """The check page, then publishing the decisions report."""
    report = get_object_or_404(DecisionsReport.objects.visible_to(request.user), pk=pk)
    return publish_after_review(
        request,
        obj=report,
        publish=lambda data: publishing.publish(
            obj=report, by=request.user, note=data["change_note"]
        ),
    )
