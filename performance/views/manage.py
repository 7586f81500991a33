"""Staff views for measures: their figures and commentary, and the helpers the performance staff
views share (spreadsheet imports, quarterly reports and scrutiny meetings have their own
modules)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from .. import selectors, services
from ..forms import (
    CommentaryForm,
    FigureForm,
)
from ..models import (
    DataPoint,
    MeasureImport,
    ScrutinyAction,
    UnconfirmedFigure,
)


def staff(permission):
    """login_required then the permission (403 for the signed-in without it)."""

    def decorate(view):
        return login_required(permission_required(permission, raise_exception=True)(view))

    return decorate


FORM_TEMPLATE = "performance/manage/form.html"


def _form_page(request, form, *, title, crumbs, intro="", status=200, enctype=False):
    return render(
        request,
        FORM_TEMPLATE,
        {"form": form, "title": title, "crumbs": crumbs, "intro": intro, "multipart": enctype},
        status=400 if request.method == "POST" and form.errors else status,
    )


def _plans():
    from plans.models import Plan

    return Plan.objects.order_by("-term_start")


def _measure(pk):
    from plans.models import Measure

    return get_object_or_404(Measure.objects.select_related("plan", "priority"), pk=pk)


# Measures and figures -------------------------------------------------------------------------


@staff("performance.view_datapoint")
def index(request):
    plan_id = request.GET.get("plan")
    plans = list(_plans())
    plan = next((p for p in plans if str(p.pk) == plan_id), None) or (plans[0] if plans else None)
    sections = selectors.plan_sections(plan, figures=selectors.ENTERED) if plan else []
    return render(
        request,
        "performance/manage/index.html",
        {
            "plans": plans,
            "plan": plan,
            "sections": sections,
            "awaiting_release": selectors.quarters_awaiting_release(),
            "releasers": selectors.who_may_release(),
            "recent_imports": MeasureImport.objects.select_related("uploaded_by")[:5],
            "open_actions": ScrutinyAction.objects.open().select_related("raised_at")[:10],
        },
    )


@staff("performance.view_datapoint")
def measure(request, pk):
    measure = _measure(pk)
    row = selectors.measure_row(measure, figures=selectors.ENTERED)
    figure_form = None
    if measure.is_numeric:
        figure_form = FigureForm(measure=measure)
        figure_form.helper.form_action = reverse("performance_manage:figure_add", args=[pk])
    return render(
        request,
        "performance/manage/measure.html",
        {
            "measure": measure,
            "row": row,
            "points": list(reversed(row.points)),
            "commentary": selectors.measure_commentary(measure),
            "figure_form": figure_form,
            "releasers": selectors.who_may_release(),
        },
    )


def _record(request, form, *, measure, period):
    """Record the figure the valid ``form`` holds; False, with the problem on the form, if the
    service refuses it (a figure changed since the form was checked)."""
    data = form.cleaned_data
    try:
        services.record_figure(
            measure=measure,
            period=period,
            value=data["value"],
            comparison_value=data["comparison_value"],
            target=data["target"],
            source=data["source"],
            note=data["note"],
            by=request.user,
            # Only the warning the person was shown is confirmed.
            confirmed=bool(form.flag and data["confirmed"]),
        )
    except ValidationError as error:
        form.add_error(None, error)  # by field when the service names them
        return False
    except UnconfirmedFigure as error:
        form.show_flag(str(error))
        return False
    return True


def _saved_message(request, period, verb):
    messages.success(
        request,
        f"The figure for {period.label} was {verb}. It is a draft until a decision maker "
        "releases the quarter's figures.",
    )


@staff("performance.add_datapoint")
def figure_add(request, pk):
    measure = _measure(pk)
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:measure", args=[measure.pk]), measure.wording),
    ]
    if not measure.is_numeric:
        messages.error(request, "This measure has no unit: add commentary instead of figures.")
        return redirect("performance_manage:measure", pk=measure.pk)
    form = FigureForm(request.POST or None, measure=measure)
    if request.method == "POST" and form.is_valid():
        period = form.cleaned_data["period"]
        if _record(request, form, measure=measure, period=period):
            _saved_message(request, period, "saved")
            return redirect("performance_manage:measure", pk=measure.pk)
    return _form_page(request, form, title=f"Add a figure: {measure.wording}", crumbs=crumbs)


@staff("performance.change_datapoint")
def figure_edit(request, pk):
    point = get_object_or_404(DataPoint.objects.select_related("measure"), pk=pk)
    measure = point.measure
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:measure", args=[measure.pk]), measure.wording),
    ]
    form = FigureForm(request.POST or None, instance=point, measure=measure)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _record(request, form, measure=measure, period=point.period)
    )
    if saved:
        _saved_message(request, point.period, "corrected")
        return redirect("performance_manage:measure", pk=measure.pk)
    intro = measure.wording
    if point.is_released:
        intro += (
            ". This figure is public: your correction is a draft, and the public keeps the "
            "released figure until a decision maker releases the correction."
        )
    return _form_page(
        request,
        form,
        title=f"Correct the figure for {point.period.label}",
        crumbs=crumbs,
        intro=intro,
    )


@staff("performance.add_measurecommentary")
def commentary_add(request, pk):
    measure = _measure(pk)
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:measure", args=[measure.pk]), measure.wording),
    ]
    form = CommentaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_commentary(
            measure=measure, commentary=form.save(commit=False), by=request.user
        )
        messages.success(request, "The commentary was added.")
        return redirect("performance_manage:measure", pk=measure.pk)
    return _form_page(request, form, title=f"Add commentary: {measure.wording}", crumbs=crumbs)
