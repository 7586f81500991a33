"""Staff views for measures: their figures and commentary, and the helpers the performance staff
views share (spreadsheet imports, quarterly reports and scrutiny meetings have their own
modules)."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import CreateView, FormView, UpdateView

from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage
from plans.models import Measure, Plan

from .. import selectors, services
from ..forms import (
    CommentaryForm,
    FigureForm,
)
from ..models import (
    DataPoint,
    UnconfirmedFigure,
)


def crumbs_under(list_name, list_label, obj=None):
    """The breadcrumbs of a page under one of the area's lists (quarterly reports, scrutiny
    meetings): the area's index, the list, and ``obj``'s staff page where there is one."""
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse(list_name), list_label),
    ]
    if obj is not None:
        crumbs.append((obj.get_manage_url(), str(obj)))
    return crumbs


class StaffFormPage(PermissionRequiredMixin, FormPage):
    """A performance staff form page."""

    template_name = "performance/manage/form.html"


class _DraftPage:
    """Drafting a quarterly report or a scrutiny meeting, or editing it, on a page under the
    area's list of them."""

    under = ("", "")  # that list's URL name and label, for the breadcrumbs

    def get_crumbs(self):
        return crumbs_under(*self.under, self.object)


class DraftCreatePage(_DraftPage):
    success_message = "\u201c{object}\u201d was saved as a draft."


class DraftUpdatePage(_DraftPage):
    success_message = "Your changes were saved. The public sees them when you publish."

    def get_page_title(self):
        return f"Edit {self.object}"


def _plans():
    return Plan.objects.order_by("-term_start")


def _measure(pk):
    return get_object_or_404(Measure.objects.select_related("plan", "priority"), pk=pk)


# Measures and figures -------------------------------------------------------------------------


@staff("performance.view_datapoint")
def index(request):
    plan_id = request.GET.get("plan")
    plans = list(_plans())
    plan = next((p for p in plans if str(p.pk) == plan_id), None) or (plans[0] if plans else None)
    sections = selectors.plan_sections(plan=plan, figures=selectors.ENTERED) if plan else []
    return render(
        request,
        "performance/manage/index.html",
        {
            "plans": plans,
            "plan": plan,
            "sections": sections,
            "awaiting_release": selectors.quarters_awaiting_release(),
            "releasers": selectors.who_may_release(),
        },
    )


@staff("performance.view_datapoint")
def measure(request, pk):
    measure = _measure(pk)
    row = selectors.measure_row(measure=measure, figures=selectors.ENTERED)
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
            "commentary": selectors.measure_commentary(measure=measure),
            "figure_form": figure_form,
            "releasers": selectors.who_may_release(),
        },
    )


class _MeasurePage:
    """Something added to a measure (a figure, commentary), from the measure's page; titled
    with what is added and the measure."""

    @cached_property
    def measure(self):
        return _measure(self.kwargs["pk"])

    def get_page_title(self):
        return f"{self.page_title}: {self.measure.wording}"

    def get_crumbs(self):
        return [
            (reverse("performance_manage:index"), "Performance"),
            (reverse("performance_manage:measure", args=[self.measure.pk]), self.measure.wording),
        ]

    def get_success_url(self):
        return reverse("performance_manage:measure", kwargs={"pk": self.measure.pk})


class _FigurePage(_MeasurePage):
    """A figure entered or corrected; a figure the service refuses (changed since the form was
    checked) is shown again with the problem beside its field, or the flag to confirm."""

    form_class = FigureForm
    verb = ""  # the message's word for what was done: "saved", "corrected"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "measure": self.measure}

    def save(self, form):
        data = form.cleaned_data
        return services.record_figure(
            measure=self.measure,
            period=data["period"],
            value=data["value"],
            comparison_value=data["comparison_value"],
            target=data["target"],
            source=data["source"],
            note=data["note"],
            by=self.request.user,
            # Only the warning the person was shown is confirmed.
            confirmed=bool(form.flag and data["confirmed"]),
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)  # by field when the service names them
        except UnconfirmedFigure as error:
            form.show_flag(str(error))
        return self.form_invalid(form)

    def get_success_message(self):
        return (
            f"The figure for {self.object.period.label} was {self.verb}. It is a draft until a "
            "decision maker releases the quarter's figures."
        )


class FigureCreateView(_FigurePage, StaffFormPage, FormView):
    permission_required = "performance.add_datapoint"
    page_title = "Add a figure"
    verb = "saved"

    def dispatch(self, request, *args, **kwargs):
        if self.has_permission() and not self.measure.is_numeric:
            messages.error(request, "This measure has no unit: add commentary instead of figures.")
            return redirect("performance_manage:measure", pk=self.measure.pk)
        return super().dispatch(request, *args, **kwargs)


figure_add = FigureCreateView.as_view()


class FigureUpdateView(_FigurePage, StaffFormPage, UpdateView):
    permission_required = "performance.change_datapoint"
    model = DataPoint
    verb = "corrected"

    def get_queryset(self):
        return super().get_queryset().select_related("measure")

    @cached_property
    def measure(self):
        return self.object.measure

    def get_page_title(self):
        return f"Correct the figure for {self.object.period.label}"

    def get_intro(self):
        intro = self.measure.wording
        if self.object.is_released:
            intro += (
                ". This figure is public: your correction is a draft, and the public keeps the "
                "released figure until a decision maker releases the correction."
            )
        return intro


figure_edit = FigureUpdateView.as_view()


class CommentaryCreateView(_MeasurePage, StaffFormPage, CreateView):
    permission_required = "performance.add_measurecommentary"
    form_class = CommentaryForm
    page_title = "Add commentary"
    success_message = "The commentary was added."

    def save(self, form):
        return services.add_commentary(
            measure=self.measure, commentary=form.save(commit=False), by=self.request.user
        )


commentary_add = CommentaryCreateView.as_view()
