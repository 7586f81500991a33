"""Staff views for plans: create one, preview it, take it through the statutory lifecycle,
publish it, report commitments' delivery, and copy it for the next term (its parts are built
in ``parts``)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView, ListView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import pdf
from pcc_portal.publications import services as publishing
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage, PublishingDetailView, PublishView, RemoveView

from .. import services
from ..forms import (
    CopyPlanForm,
    PlanForm,
    ProgressForm,
    PublishingStepForm,
    StepForm,
)
from ..models import (
    Commitment,
    Plan,
)
from ..selectors import (
    PublishedPlan,
    delivery_review,
    delivery_update_refusal,
    plan_contents,
    plan_deletion_refusal,
    plan_priorities,
    plan_review,
    staff_plans,
)


def _plan(request, pk):
    return get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)


class PlanListView(PermissionRequiredMixin, ListView):
    permission_required = "plans.view_plan"
    template_name = "plans/manage/list.html"
    context_object_name = "plans"

    def get_queryset(self):
        return staff_plans(user=self.request.user)


class PlanCreateView(PermissionRequiredMixin, FormPage, CreateView):
    permission_required = "plans.add_plan"
    form_class = PlanForm
    template_name = "plans/manage/plan_form.html"
    success_message = "\u201c{object}\u201d was created as a draft."

    def save(self, form):
        return services.create_plan(by=self.request.user, **form.cleaned_data)


class PlanUpdateView(PermissionRequiredMixin, FormPage, UpdateView):
    model = Plan
    permission_required = "plans.change_plan"
    form_class = PlanForm
    template_name = "plans/manage/plan_form.html"
    success_message = "The plan's details were saved. The public sees them when you publish."


class PlanDetailView(PublishingDetailView):
    permission_required = "plans.view_plan"
    model = Plan
    template_name = "plans/manage/detail.html"
    context_object_name = "plan"
    publish_url_name = "plans_manage:publish"
    preview = False  # the plan has its own preview pages
    step_form = None  # the step form with its errors, when the page is shown again

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        step_url = reverse("plans_manage:step", kwargs={"pk": plan.pk})
        context.update(
            **plan_contents(plan=plan),
            steps=plan.steps.select_related("recorded_by", "version"),
            step_form=self.step_form
            or StepForm(plan=plan, user=self.request.user, action=step_url),
            unpublished_changes=plan.has_unpublished_changes(),
            publishing_stage=plan.publishing_stage(),
        )
        # Every version of a plan is published by a statutory step: issuing it or varying it.
        context["can_publish"] = context["can_publish"] and context["publishing_stage"] is not None
        return context


def _detail_again(request, plan, step_form):
    """The plan's page again, with the step form and its errors (400)."""
    view = PlanDetailView(step_form=step_form)
    view.setup(request, pk=plan.pk)
    response = view.get(request, pk=plan.pk)
    response.status_code = 400
    return response


@staff("plans.view_plan")
def plan_preview(request, pk):
    """The plan's page exactly as publishing would freeze it now."""
    plan = _plan(request, pk)
    page_html, _document, _text = publishing.freeze(obj=plan)
    return render(request, "plans/manage/preview.html", {"plan": plan, "preview_html": page_html})


@staff("plans.view_plan")
def plan_preview_pdf(request, pk):
    """The PDF publishing would render now, for checking page breaks and the contents."""
    plan = _plan(request, pk)
    _page, document_html, _text = publishing.freeze(obj=plan)
    result = pdf.render_pdf(document_html)
    response = HttpResponse(result.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{plan.slug}-preview.pdf"'
    return response


@require_POST
@staff("plans.change_plan")
def plan_step(request, pk):
    plan = _plan(request, pk)
    action = reverse("plans_manage:step", kwargs={"pk": plan.pk})
    form = StepForm(request.POST, plan=plan, user=request.user, action=action)
    if not form.is_valid():
        return _detail_again(request, plan, form)
    try:
        step = services.record_step(plan=plan, by=request.user, **form.cleaned_data)
    except InvalidTransition as error:
        form.add_error(None, str(error))
        return _detail_again(request, plan, form)
    messages.success(request, f"Recorded: {step.get_stage_display()}.")
    return redirect(plan.get_manage_url())


class PlanPublishView(PublishView):
    """The check page of the step that publishes the plan, issuing it or varying it: what
    becomes public, then the step recorded once the publisher confirms it."""

    permission_required = "plans.publish_plan"
    model = Plan
    refused = (InvalidTransition, PermissionDenied)

    def get(self, request, *args, **kwargs):
        plan = self.get_object()
        if plan.publishing_stage() is None:
            messages.error(
                request,
                f"\u201c{plan}\u201d is at \u201c{plan.get_stage_display()}\u201d: a plan is "
                "published when it is issued, and again when it is varied.",
            )
            return redirect(plan.get_manage_url())
        return super().get(request, *args, **kwargs)

    @cached_property
    def stage(self):
        return self.object.publishing_stage()

    def get_form_class(self):
        return partial(PublishingStepForm, plan=self.object, stage=self.stage)

    def publish(self, data):
        step = services.record_step(
            plan=self.object,
            stage=self.stage,
            date=data["date"],
            by=self.request.user,
            note=data["change_note"],
            reference=data["reference"],
            minor_reason=data.get("minor_reason", ""),
        )
        return step.version

    def review(self):
        return plan_review(plan=self.object, stage=self.stage)

    def published_message(self, version):
        return (
            f"Recorded: {self.stage.label}. Version {version.number} is being published; the "
            "public sees it as soon as its PDF is ready."
        )


class DeliveryDetailView(PublishingDetailView):
    """The plan's delivery updates: what releasing one now would show, and those released."""

    permission_required = "plans.view_plan"
    model = Plan
    template_name = "plans/manage/delivery.html"
    context_object_name = "plan"
    publish_url_name = "plans_manage:delivery_publish"

    def get_published_object(self):
        return services.delivery_report_of(plan=self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_publish"] = context["can_publish"] and self.object.is_issued
        return context


class DeliveryPublishView(PublishView):
    """The check page of a delivery update: the tracker and each progress note it releases."""

    permission_required = "plans.publish_deliveryreport"
    model = Plan

    def get_object(self, queryset=None):
        return services.delivery_report_of(plan=super().get_object(queryset))

    def publish(self, data):
        return services.release_delivery_update(
            plan=self.object.plan, by=self.request.user, note=data["change_note"]
        )

    def refusal(self):
        return delivery_update_refusal(plan=self.object.plan)

    def review(self):
        return delivery_review(report=self.object)

    def published_message(self, version):
        return (
            f"Delivery update {version.number} is being published, without a new version of "
            "the plan. The public sees it as soon as its PDF is ready."
        )


class PlanDeleteView(RemoveView):
    """Delete a plan started by mistake. A published plan is the public record: it stays."""

    permission_required = "plans.delete_plan"
    model = Plan
    heading = "Delete {object}"
    consequences = (
        "Its sections, priorities, commitments, measures, finance figures and steps are deleted "
        "with it."
    )
    button = "Delete the draft plan"
    success_message = "The draft “{object}” was deleted."

    def blocked(self):
        return plan_deletion_refusal(plan=self.object)

    def remove(self):
        services.delete_plan(plan=self.object, by=self.request.user)

    def get_success_url(self):
        return reverse("plans_manage:list")

    def get_crumbs(self):
        return [(reverse("plans_manage:list"), "Police and crime plans")]


plan_delete = PlanDeleteView.as_view()


class _PlanFormPage(PermissionRequiredMixin, FormPage, FormView):
    """A form page about one plan (``plan`` in its context)."""

    @cached_property
    def plan(self):
        return _plan(self.request, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)


class PlanCopyView(_PlanFormPage):
    """Start the next term's plan from this one."""

    permission_required = "plans.add_plan"
    form_class = CopyPlanForm
    template_name = "plans/manage/copy.html"

    def get_initial(self):
        term_end = self.plan.term_end
        return {
            "commissioner": self.plan.commissioner,
            "term_start": term_end,
            "term_end": term_end.replace(year=term_end.year + 4),
        }

    def save(self, form):
        return services.copy_plan(plan=self.plan, by=self.request.user, **form.cleaned_data)

    def get_success_message(self):
        return (
            f"\u201c{self.object}\u201d was started from \u201c{self.plan}\u201d. Its commitments "
            "start as not started; add this term's finance figures."
        )


plan_copy = PlanCopyView.as_view()


@staff("plans.view_plan")
def priority_detail(request, pk, number):
    """A priority's lists to edit, and its golden thread as the public sees it (from the plan's
    live version, while the priority is in it)."""
    plan = _plan(request, pk)
    priority = get_object_or_404(plan_priorities(plan=plan), number=number)
    published = PublishedPlan(plan)
    context = {
        "plan": plan,
        "priority": priority,
        "live_version": published.version,
        "public_priority": next((p for p in published.priorities if p.pk == priority.pk), None),
    }
    return render(request, "plans/manage/priority.html", context)


class CommitmentProgressView(_PlanFormPage):
    """A commitment's progress notes, and the form to add one."""

    permission_required = "plans.change_plan"
    form_class = ProgressForm
    template_name = "plans/manage/progress.html"
    refused = (InvalidTransition,)
    success_message = (
        "The progress note was added. The public tracker shows it when the next delivery "
        "update is released."
    )

    @cached_property
    def commitment(self):
        return get_object_or_404(
            Commitment.objects.select_related("priority"),
            pk=self.kwargs["item"],
            priority__plan=self.plan,
        )

    def get_form_kwargs(self):
        action = reverse(
            "plans_manage:progress", kwargs={"pk": self.plan.pk, "item": self.commitment.pk}
        )
        return {**super().get_form_kwargs(), "commitment": self.commitment, "action": action}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            commitment=self.commitment,
            notes=self.commitment.progress_notes.select_related("recorded_by"),
            **kwargs,
        )

    def save(self, form):
        return services.record_progress(
            commitment=self.commitment, by=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return self.request.path


commitment_progress = CommitmentProgressView.as_view()
