"""The staff page showing an object's change history: who changed what, when, and why."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from pcc_portal.history.selectors import (
    history_entries,
    history_model,
    history_records,
    object_for_history,
)

PER_PAGE = 50


@login_required
def object_history(request, app_label, model_name, pk):
    model = history_model(app_label, model_name)
    if model is None:
        raise Http404("No model of that name keeps a history.")
    opts = model._meta
    if not (
        request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        or request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    ):
        raise PermissionDenied
    try:
        pk = opts.pk.to_python(pk)
    except ValidationError:
        raise Http404("No such object.") from None

    records = history_records(model, pk)
    obj, deleted = object_for_history(model, pk, user=request.user, records=records)
    if obj is None:
        raise Http404("No such object.")

    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    # One record more than the page holds, so its last change can be compared with the one before.
    start = (page.number - 1) * PER_PAGE
    rows = list(records[start : start + PER_PAGE + 1])
    older = rows[PER_PAGE] if len(rows) > PER_PAGE else None
    entries = history_entries(rows[:PER_PAGE], older=older, user=request.user)
    manage_url = obj.get_manage_url() if hasattr(obj, "get_manage_url") and not deleted else ""
    return render(
        request,
        "history/object_history.html",
        {
            "object": obj,
            "verbose_name": opts.verbose_name,
            "deleted": deleted,
            "entries": entries,
            "page_obj": page,
            "manage_url": manage_url,
        },
    )
