"""Staff views shared by every publishing app: a render job's live state, retrying it, and
withdrawing a published object."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import WithdrawForm
from .models import InvalidTransition, Publishable, RenderJob


@login_required
@permission_required("publications.view_renderjob", raise_exception=True)
def job_status(request, pk):
    job = get_object_or_404(RenderJob, pk=pk)
    return JsonResponse(
        {
            "status": job.status,
            "label": job.get_status_display(),
            "finished": job.is_finished,
            "attempts": job.attempts,
            "error": job.error if job.status in (job.Status.FAILED, job.Status.DEAD) else "",
        }
    )


@require_POST
@login_required
@permission_required("publications.change_renderjob", raise_exception=True)
def retry_job(request, pk):
    job = get_object_or_404(RenderJob, pk=pk)
    try:
        services.retry_render(job=job, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The PDF is being rendered again.")
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return redirect(next_url)
    return redirect("manage:dashboard")


CONSEQUENCES = [
    "Every public address that served it, its page, each version's page and PDF, answers "
    "“Gone” with a notice: the title, and “Withdrawn on <date>: <reason>”.",
    "Site search, the sitemap, the feeds and the open data drop it at once.",
    "Its versions are kept for the record and never served again.",
]


def render_withdraw_page(request, *, form, title, back_url, consequences, caption="", status=200):
    """The staff page that asks why something is withdrawn; shown again, with the error beside
    the field, when the reason is missing."""
    return render(
        request,
        "publications/withdraw.html",
        {
            "form": form,
            "title": title,
            "back_url": back_url,
            "consequences": consequences,
            "caption": caption,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def withdraw(request, content_type_id, pk):
    """Take a published object off the public site. Needs the permission to publish it."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not issubclass(model, Publishable):
        raise Http404("Not something that is published.")
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}"):
        raise PermissionDenied
    obj = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    form = WithdrawForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw(obj=obj, by=request.user, reason=form.cleaned_data["reason"])
        except (InvalidTransition, services.NothingToPublish) as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, f"“{obj}” has been withdrawn from the public site.")
            return redirect(obj.get_manage_url())
    return render_withdraw_page(
        request,
        form=form,
        title=str(obj),
        back_url=obj.get_manage_url(),
        consequences=CONSEQUENCES,
        status=400 if form.errors else 200,
    )
