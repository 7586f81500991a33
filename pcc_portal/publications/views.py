"""Staff views shared by every publishing app: the check page every publication goes through,
a render job's live state, retrying it, and withdrawing a published object."""

import datetime

from allauth.account.authentication import get_authentication_records
from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import View

from pcc_portal.approvals import services as approvals
from pcc_portal.approvals.models import ApprovalRequest
from pcc_portal.errors import InvalidTransition
from pcc_portal.views.decorators import staff
from pcc_portal.views.steps import refusal_as_message
from pcc_portal.visibility import model_permission

from . import selectors, services
from .forms import PublishForm, WithdrawForm
from .models import Publishable, RenderJob, Version
from .responses import pdf_response


def reauthenticated_at(request):
    """When this session last re-authenticated (allauth's record of it), for the history."""
    records = [
        record
        for record in get_authentication_records(request, request.user)
        if record.get("reauthenticated")
    ]
    if not records:
        return None
    return datetime.datetime.fromtimestamp(records[-1]["at"], tz=datetime.UTC)


def require_reauthentication(request):
    """At the moment of releasing or withdrawing: unless this session re-authenticated in the
    last few minutes, allauth asks for the password again (or a code from the authenticator
    app, with two-factor sign-in) and then replays this POST."""
    reauthentication_required(lambda request: None)(request)


def reauthenticates(obj):
    """Whether releasing or withdrawing ``obj`` asks for re-authentication: everything published
    does (``Publishable.reauthenticate_to_release``)."""
    return getattr(obj, "reauthenticate_to_release", True)


def publish_after_review(
    request,
    *,
    obj,
    publish,
    form_class=PublishForm,
    review=None,
    refused=(),
    published_message=None,
    reauthenticate=None,
    refusal=None,
):
    """The publish view of every app, behind its own permission check. GET shows the check
    page: what becomes public and what goes to members only (``review()``, by default the
    object's title, public address, next version and preview), with the publish form. A POST
    publishes, through ``publish(cleaned_data)``, only once the publisher confirms they checked
    it; otherwise, or when publishing is refused (``NothingToPublish``, ``InvalidTransition`` or
    the app's own ``refused`` errors), the page again with the error and what was typed kept
    (400). Where the object's model asks for it (or ``reauthenticate``), publishing needs the
    publisher to have re-authenticated, and the object's history records it. What cannot be
    published as it stands (``refusal()``: why, or "") is said on the check page, which offers
    no form, and a POST is refused before the password is asked for."""
    if reauthenticate is None:
        reauthenticate = reauthenticates(obj)
    data = request.POST if request.method == "POST" else None  # an empty POST is still one
    form = form_class(data, action=request.path)
    refused_now = refusal() if refusal else ""
    if refused_now and data is not None:
        form.add_error(None, refused_now)
    elif form.is_valid():
        # Asked once the form is complete, so a mistake is shown before the password is; the
        # confirmed POST is replayed after re-authenticating.
        if reauthenticate:
            require_reauthentication(request)
        try:
            # Publishing approves the request someone made for it, in the same transaction: a
            # publisher may not approve their own request, and then nothing is published.
            with transaction.atomic():
                version = publish(form.cleaned_data)
                approval = approvals.approve_pending(obj=obj, by=request.user)
                if reauthenticate:
                    services.record_release(
                        obj=obj,
                        by=request.user,
                        what=f"Published version {version.number}",
                        at=reauthenticated_at(request),
                    )
        except (
            services.NothingToPublish,
            InvalidTransition,
            approvals.NotPermitted,
            *refused,
        ) as error:
            form.add_error(None, str(error))
        else:
            message = (
                published_message(version)
                if published_message
                else f"Version {version.number} is being published. "
                "The public sees it as soon as its PDF is ready."
            )
            if approval is not None:
                message += f" {approval.requested_by}, who asked for it, has been told."
            messages.success(request, message)
            return redirect(obj.get_manage_url())
    return render(
        request,
        "publications/review.html",
        {
            "form": form,
            "review": review() if review else selectors.review(obj=obj),
            "back_url": obj.get_manage_url(),
            "refusal": refused_now,
            "approval": ApprovalRequest.objects.for_object(obj)
            .pending()
            .select_related("requested_by")
            .first(),
        },
        status=400 if form.errors else 200,
    )


@staff("publications.view_renderjob")
def job_status(request, pk):
    job = get_object_or_404(RenderJob, pk=pk)
    # The page that asks comes back to itself after a retry; the box is shown there in place.
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("manage:dashboard")
    html = render_to_string(
        "publications/_render_job.html", {"job": job, "next": next_url}, request=request
    )
    return JsonResponse(
        {
            "status": job.status,
            "label": job.get_status_display(),
            "finished": job.is_finished,
            "attempts": job.attempts,
            "error": job.error if job.status in (job.Status.FAILED, job.Status.DEAD) else "",
            "html": html,
        }
    )


@require_POST
@staff("publications.change_renderjob")
def retry_job(request, pk):
    job = get_object_or_404(RenderJob, pk=pk)
    with refusal_as_message(request):
        services.retry_render(job=job, by=request.user)
        messages.success(request, "The PDF is being rendered again.")
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return redirect(next_url)
    return redirect("manage:dashboard")


@login_required
def version_pdf(request, pk):
    """Any ready version's PDF for staff who may see its object's drafts, withdrawn versions
    included: they are read from the private store they were moved to, never from a public
    address (the public gets 410 Gone for them)."""
    version = get_object_or_404(
        Version.objects.ready().exclude(pdf="").select_related("content_type"), pk=pk
    )
    model = version.content_type.model_class()
    if model is None or not issubclass(model, Publishable):
        raise Http404("Not something that is published.")
    if not any(
        request.user.has_perm(model_permission(model, action))
        for action in ("view", "change", "publish")
    ):
        raise PermissionDenied
    try:
        handle = version.open_pdf()
    except FileNotFoundError as error:
        raise Http404("The file is missing: run verify_published_files.") from error
    response = pdf_response(
        handle,
        filename=f"{version.content_type.model}-{version.object_id}-version-{version.number}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


CONSEQUENCES = [
    "Every public address that served it, its page, each version's page and PDF, answers "
    "“Gone” with a notice: the title, and “Withdrawn on <date>: <reason>”.",
    "Site search, the sitemap, the feeds and the open data drop it at once.",
    "Its versions are kept for the record and never served again; their PDFs move out of the "
    "public file store into the private one, where only staff can open them.",
]


def render_withdraw_page(
    request, *, form, title, back_url, consequences, caption="", warning="", status=200
):
    """The staff page that asks why something is withdrawn; shown again, with the error beside
    the field, when the reason is missing. ``warning`` replaces the default one (that a new
    version is the way back) where something else is."""
    return render(
        request,
        "publications/withdraw.html",
        {
            "form": form,
            "title": title,
            "back_url": back_url,
            "consequences": consequences,
            "caption": caption,
            "warning": warning,
        },
        status=status,
    )


@method_decorator([require_http_methods(["GET", "POST"]), login_required], name="dispatch")
class WithdrawView(PermissionRequiredMixin, View):
    """Withdrawing one published thing with the reason the public is told. GET asks why, saying
    what follows (``consequences``). A POST with a reason, once the staff member re-authenticated
    (where the object's model asks for it), withdraws it through the app's service
    (``withdraw(reason)``) in one transaction with the release record in the history of
    ``get_record_on()`` ("Withdrawn: <reason>" by default, ``release_note``); then a message and
    back to its staff page. A missing reason, or a refusal, shows the page again with the error
    beside the reason (400).

    Set ``permission_required`` (or ``get_permission_required``) and ``model`` (or
    ``get_object``, where the object is looked up otherwise); the attributes below say what the
    page, the history and the message say where the defaults do not fit."""

    raise_exception = True  # signed in but not permitted: 403
    model = None
    caption = ""
    consequences = CONSEQUENCES
    release_note = "Withdrawn: {reason}"  # formatted with the object and the reason
    success_message = "“{object}” is withdrawn: the public no longer sees it."

    def get_object(self):
        """The thing withdrawn, as this user may see it (404 otherwise)."""
        return get_object_or_404(
            self.model.objects.visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def withdraw(self, reason):
        """Withdraw the object through the app's service."""
        services.withdraw(obj=self.object, by=self.request.user, reason=reason)

    def get_record_on(self):
        """The object whose history records the withdrawal."""
        return self.object

    def get_title(self):
        return str(self.object)

    def get_caption(self):
        return self.caption

    def get_back_url(self):
        """The object's staff page: where the page goes back to, and where withdrawing ends."""
        return self.object.get_manage_url()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render(WithdrawForm(action=request.path))

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = WithdrawForm(request.POST or None, action=request.path)
        if form.is_valid() and self.withdrawn(form):
            messages.success(request, self.success_message.format(object=self.object))
            return redirect(self.get_back_url())
        return self.render(form)

    def withdrawn(self, form):
        """Whether withdrawing for the valid ``form``'s reason went through; a refusal goes
        beside the reason."""
        request = self.request
        reason = form.cleaned_data["reason"]
        reauthenticate = reauthenticates(self.object)
        if reauthenticate:
            require_reauthentication(request)
        try:
            with transaction.atomic():
                self.withdraw(reason)
                if reauthenticate:
                    services.record_release(
                        obj=self.get_record_on(),
                        by=request.user,
                        what=self.release_note.format(object=self.object, reason=reason),
                        at=reauthenticated_at(request),
                    )
        except (InvalidTransition, services.NothingToPublish) as error:
            form.add_error("reason", str(error))
            return False
        return True

    def render(self, form):
        return render_withdraw_page(
            self.request,
            form=form,
            title=self.get_title(),
            caption=self.get_caption(),
            back_url=self.get_back_url(),
            consequences=self.consequences,
            status=400 if form.errors else 200,
        )


class PublishedWithdrawView(WithdrawView):
    """Take a published object off the public site, for any publishing app whose withdrawal is
    the shared one. Needs the permission to publish it."""

    success_message = "“{object}” has been withdrawn from the public site."

    @cached_property
    def model(self):
        content_type = get_object_or_404(ContentType, pk=self.kwargs["content_type_id"])
        model = content_type.model_class()
        if model is None or not issubclass(model, Publishable):
            raise Http404("Not something that is published.")
        return model

    def get_permission_required(self):
        opts = self.model._meta
        return [f"{opts.app_label}.publish_{opts.model_name}"]


withdraw = PublishedWithdrawView.as_view()
