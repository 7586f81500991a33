"""Staff views for decisions: drafting, the approval workflow, publishing and continuing the
numbering (attachments and Part 2, and the Panel's decisions reports, have their own modules).
Each action view parses input and calls one service; signing and publishing ask the user to
re-authenticate first."""

from functools import wraps
from urllib.parse import urlencode

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.financial_year import financial_year_label
from pcc_portal.publications.selectors import review
from pcc_portal.publications.views import reauthenticated_at
from pcc_portal.views.decorators import staff
from pcc_portal.views.drafts import DraftCreateView
from pcc_portal.views.generic import FormPage, PublishingDetailView, PublishView
from pcc_portal.views.steps import refusal_as_message

from .. import duties, services
from ..filters import StaffDecisionFilter
from ..forms import (
    ContinueNumberingForm,
    DecisionForm,
    ReasonForm,
)
from ..models import (
    CHIEF_FINANCE_OFFICER_DECLARATION,
    MONITORING_OFFICER_DECLARATION,
    Decision,
    DecisionPart2,
    DecisionSequence,
)
from ..selectors import publication_compliance, publication_review

Status = Decision.Status


def _decision(request, pk):
    return get_object_or_404(Decision.objects.visible_to(request.user), pk=pk)


def _no_longer_editable(request, decision):
    """Back to the page of a decision that can no longer be changed, saying why."""
    messages.error(
        request,
        f"{decision} is {decision.get_status_display().lower()}: it can no longer be changed.",
    )
    return redirect(decision.get_manage_url())


def decision_view(permission, *, editable=False):
    """A staff view of one decision, for those signed in with ``permission``: it is called with
    the decision (404 for one this user may not see) in place of its pk. An ``editable`` view
    changes a draft: once the decision can no longer change, the user is sent back to its
    page, told why."""

    def decorate(view):
        @staff(permission)
        @wraps(view)
        def wrapper(request, pk, **kwargs):
            decision = _decision(request, pk)
            if editable and not decision.is_editable:
                return _no_longer_editable(request, decision)
            return view(request, decision, **kwargs)

        return wrapper

    return decorate


def _detail_url(decision):
    return reverse("decisions_manage:detail", kwargs={"pk": decision.pk})


# --- list, create, edit -----------------------------------------------------------------------
class DecisionListView(PermissionRequiredMixin, ListView):
    permission_required = "decisions.view_decision"
    template_name = "decisions/manage/list.html"
    context_object_name = "decisions"
    paginate_by = 50

    def get_queryset(self):
        self.filters = StaffDecisionFilter(
            self.request.GET,
            queryset=Decision.objects.visible_to(self.request.user)
            .with_priorities()
            .order_by("-updated_at"),
        )
        return self.filters.qs

    def get_context_data(self, **kwargs):
        status = self.filters.chosen_status
        return {
            **super().get_context_data(**kwargs),
            "compliance": publication_compliance(),
            "statuses": Status.choices,
            "current_status": status,
            "query": urlencode({"status": status}) if status else "",
        }


class DecisionCreateView(DraftCreateView):
    permission_required = "decisions.add_decision"
    form_class = DecisionForm
    template_name = "decisions/manage/form.html"
    change_reason = "Drafted"

    def form_valid(self, form):
        form.instance.created_by = self.request.user
        return super().form_valid(form)


class AtDecision(PermissionRequiredMixin):
    """A page about one decision, ``self.decision`` (404 for one this user may not see):
    ``decision_view``'s counterpart for a class view. An ``editable`` page changes a draft: once
    the decision can no longer change, the user is sent back to its page, told why."""

    editable = False

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.decision = _decision(request, kwargs["pk"])
            if self.editable and not self.decision.is_editable:
                return _no_longer_editable(request, self.decision)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decision": self.decision}


class DecisionFormPage(AtDecision, FormPage):
    """A form page about one decision (``AtDecision``)."""


class DecisionUpdateView(DecisionFormPage, UpdateView):
    permission_required = "decisions.change_decision"
    editable = True
    form_class = DecisionForm
    template_name = "decisions/manage/form.html"
    success_message = "Your changes to \u201c{object}\u201d were saved."

    def get_queryset(self):
        return Decision.objects.visible_to(self.request.user).drafts()


# --- the staff page of one decision ------------------------------------------------------------
class DecisionDetailView(PublishingDetailView):
    permission_required = "decisions.view_decision"
    model = Decision
    template_name = "decisions/manage/detail.html"
    context_object_name = "decision"
    publish_url_name = "decisions_manage:publish"

    def has_publishing_panel(self):
        return self.object.is_signed  # only a signed decision is published

    def get_context_data(self, **kwargs):
        decision, user = self.object, self.request.user
        can_see_part2 = user.has_perm("decisions.view_decisionpart2")
        return {
            **super().get_context_data(**kwargs),
            "attachments": decision.attachments.all(),
            "part2": DecisionPart2.objects.visible_to(user).filter(decision=decision).first()
            if can_see_part2
            else None,
            "can_see_part2": can_see_part2,
            "missing": services.missing_for_submission(decision=decision)
            if decision.is_editable
            else [],
            "today": timezone.localdate(),
            "declaration_text": MONITORING_OFFICER_DECLARATION,
            "finance_declaration_text": CHIEF_FINANCE_OFFICER_DECLARATION,
            "duties": duties.open_steps(decision, user, on=timezone.localdate()),
        }


# --- workflow -----------------------------------------------------------------------------------
def _take_step(request, decision, service, done, **arguments):
    """Call the step's service, then back to the decision's page saying what happened (``done``
    of the decision) or why it was refused."""
    with refusal_as_message(request):
        service(decision=decision, by=request.user, **arguments)
        messages.success(request, done(decision))
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


def _signed_message(decision):
    return (
        f"You signed decision {decision.reference}. "
        f"Publish it by {decision.publication_due_on:%-d %B %Y}."
    )


def _step_view(permission, service, done, *, reauthenticate=False):
    """A step taken with one button (submitting, declaring, signing), for those with
    ``permission``. Signing asks for the password (or, with two-factor sign-in, a code) again
    when the session has not re-authenticated in the last few minutes; allauth then replays
    the POST, and the service records when."""

    def view(request, pk):
        decision = _decision(request, pk)
        arguments = {"reauthenticated_at": reauthenticated_at(request)} if reauthenticate else {}
        return _take_step(request, decision, service, done, **arguments)

    if reauthenticate:
        view = reauthentication_required(view)
    return require_POST(login_required(permission_required(permission, raise_exception=True)(view)))


decision_submit = _step_view(
    "decisions.change_decision", services.submit_decision, _submitted_message
)
decision_declare = _step_view(
    "decisions.declare_decision", services.declare_decision, _declared_message
)
decision_declare_finance = _step_view(
    "decisions.declare_decision", services.declare_decision_finance, _declared_message
)
decision_sign = _step_view(
    "decisions.sign_decision", services.sign_decision, _signed_message, reauthenticate=True
)


def _reason_view(permission, *, service, title, label, hint, submit, done):
    """A step that asks why (rejecting, withdrawing, returning for changes): the reason's form,
    then the service, and back to the decision's page saying what happened."""

    @decision_view(permission)
    def view(request, decision):
        form = ReasonForm(request.POST or None, label=label, hint=hint, submit=submit)
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            return _take_step(request, decision, service, lambda _: done, reason=reason)
        return render(
            request,
            "decisions/manage/reason_form.html",
            {"decision": decision, "form": form, "title": title},
            status=400 if form.errors else 200,
        )

    return view


decision_reject = _reason_view(
    "decisions.sign_decision",
    service=services.reject_decision,
    title="Reject this decision",
    label="Why is it rejected?",
    hint="Kept with the record and shown to its author.",
    submit="Reject the decision",
    done="The decision was rejected.",
)
decision_withdraw = _reason_view(
    "decisions.change_decision",
    service=services.withdraw_decision,
    title="Withdraw this decision",
    label="Why is it withdrawn?",
    hint="For example \u201cSuperseded by a joint decision with the fire authority\u201d.",
    submit="Withdraw the decision",
    done="The decision was withdrawn.",
)
decision_return = _reason_view(
    "decisions.change_decision",
    service=services.return_to_draft,
    title="Return this decision for changes",
    label="What needs to change?",
    hint="Its author sees this; the monitoring officer's declaration is made again after.",
    submit="Return for changes",
    done="The decision was returned to draft for changes.",
)


@method_decorator(reauthentication_required, name="get")
@method_decorator(reauthentication_required, name="post")
class DecisionPublishView(PublishView):
    """The check page (the notice, and the attachments published with Part 1), then publishing
    the signed decision."""

    permission_required = "decisions.publish_decision"
    model = Decision
    refused = (InvalidTransition,)
    reauthenticate = False  # asked for above, on the check page too; the service records it

    def get_object(self, queryset=None):
        decision = super().get_object(queryset)
        if not decision.is_signed:
            raise Http404("Only a signed decision can be published.")
        return decision

    def publish(self, data):
        return services.publish_decision(
            decision=self.object,
            by=self.request.user,
            note=data["change_note"],
            reauthenticated_at=reauthenticated_at(self.request),
        )

    def review(self):
        return review(obj=self.object, **publication_review(decision=self.object))

    def published_message(self, version):
        return (
            f"Version {version.number} of decision "
            f"{self.object.reference} is being published. The public sees it as soon as its "
            "PDF is ready."
        )


# --- numbering ----------------------------------------------------------------------------------
class NumberingView(PermissionRequiredMixin, FormPage, FormView):
    """Continue an earlier system's sequence: the year's next decision takes the number after
    the last one it issued. Refuses to go backwards, beside the field."""

    permission_required = "decisions.change_decisionsequence"
    form_class = ContinueNumberingForm
    template_name = "decisions/manage/numbering.html"
    success_url = reverse_lazy("decisions_manage:numbering")
    refused = (InvalidTransition,)
    refused_field = "last_number"

    def save(self, form):
        return services.continue_numbering(
            financial_year=form.cleaned_data["financial_year"],
            last_number=form.cleaned_data["last_number"],
        )

    def get_success_message(self):
        year = self.object.financial_year
        return (
            f"The next decision of {financial_year_label(year)} takes "
            f"{self.object.last_number + 1:02d}/{year}."
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "sequences": DecisionSequence.objects.order_by("-financial_year"),
            "at_raise": services.numbering_at_raise(),
        }


numbering = NumberingView.as_view()
