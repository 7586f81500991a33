"""Staff views shared by every publishing app: a render job's live state, and retrying it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import services
from .models import InvalidTransition, RenderJob


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
