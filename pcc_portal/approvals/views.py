"""Staff pages for approval requests: ask, the request's page, return it, withdraw it, and the
list of requests. Approving is publishing or releasing, on the kind's own check page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import FormView

from pcc_portal.errors import InvalidTransition, NotPermitted
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage

from . import selectors, services
from .forms import RequestForm, ReturnForm
from .kinds import get_kind
from .models import ApprovalRequest


class AskView(PermissionRequiredMixin, FormPage, FormView):
    """Ask for approval to publish or release an object: the form, shown again with the error
    beside the field when the note is missing or asking is refused."""

    http_method_names = ["get", "post"]
    form_class = RequestForm
    template_name = "approvals/ask.html"
    refused = (InvalidTransition, NotPermitted)
    refused_field = "note"

    @cached_property
    def kind(self):
        return get_kind(self.kwargs["kind"])

    @cached_property
    def target(self):
        """What approval is asked for."""
        return self.kind.get_object(self.kwargs["key"], self.request.user)

    def get_permission_required(self):
        return [self.kind.request_permission]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.request.path, "verb": self.kind.verb}

    def save(self, form):
        return services.request_approval(
            obj=self.target, by=self.request.user, note=form.cleaned_data["note"]
        )

    def get_success_message(self):
        return (
            f"You asked for approval to {self.kind.verb} \u201c{self.object.title}\u201d. Those "
            "who may approve it have been emailed."
        )

    def get_success_url(self):
        return self.target.get_manage_url()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "kind": self.kind,
            "object": self.target,
            "approvers": selectors.who_may_approve(kind=self.kind),
        }


ask = AskView.as_view()


def _approval(request, pk):
    """The request, for those who asked it or may ask or approve its kind: 404 for others, as
    for every object a user may not see."""
    return get_object_or_404(
        ApprovalRequest.objects.visible_to(request.user).select_related(
            "requested_by", "decided_by"
        ),
        pk=pk,
    )


@staff("accounts.access_manage")
def request_list(request):
    return render(
        request,
        "approvals/list.html",
        {
            "queue": selectors.queue(user=request.user),
            "own": selectors.own_requests(user=request.user),
        },
    )


def _detail(request, approval, *, return_form=None, status=200):
    kind = approval.kind_spec
    may_approve = (
        approval.is_pending
        and request.user.has_perm(kind.approve_permission)
        and approval.requested_by_id != request.user.pk
    )
    if return_form is None and may_approve:
        return_form = ReturnForm(action=reverse("approvals:return", kwargs={"pk": approval.pk}))
    return render(
        request,
        "approvals/detail.html",
        {
            "approval": approval,
            "kind": kind,
            "object": approval.content_object,
            "stale": approval.is_pending and approval.is_stale(),
            "may_approve": may_approve,
            "may_withdraw": approval.is_pending and approval.requested_by_id == request.user.pk,
            "return_form": return_form,
        },
        status=status,
    )


@login_required
def request_detail(request, pk):
    return _detail(request, _approval(request, pk))


@require_http_methods(["GET", "POST"])
@login_required
def request_return(request, pk):
    approval = _approval(request, pk)
    if not request.user.has_perm(approval.kind_spec.approve_permission):
        raise PermissionDenied
    form = ReturnForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_request(
                approval=approval, by=request.user, reason=form.cleaned_data["reason"]
            )
        except (InvalidTransition, NotPermitted) as error:
            form.add_error("reason", str(error))
        else:
            messages.success(
                request, f"The request was returned to {approval.requested_by} with your reason."
            )
            return redirect(approval.get_absolute_url())
    return _detail(request, approval, return_form=form, status=400 if form.errors else 200)


@require_POST
@login_required
def request_withdraw(request, pk):
    approval = _approval(request, pk)
    if approval.requested_by_id != request.user.pk:
        raise PermissionDenied
    try:
        services.withdraw_request(approval=approval, by=request.user)
    except (InvalidTransition, NotPermitted) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Your request was withdrawn.")
    return redirect(approval.get_absolute_url())
