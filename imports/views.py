"""Staff pages: the runs of the importers and each run's report."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, render

from .models import ImportRun

RUNS_SHOWN = 100


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
