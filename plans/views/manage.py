"""Staff views for plans: build a plan part by part, preview it, take it through the statutory
lifecycle, publish it, report commitments' delivery, and copy it for the next term."""

from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import ListView

from pcc_portal import reordering
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import pdf
from pcc_portal.publications import services as publishing
from pcc_portal.publications.selectors import publishing_panel
from pcc_portal.publications.views import publish_after_review

from .. import services
from ..forms import (
    AccountabilityItemForm,
    CapitalLineForm,
    CommitmentForm,
    CopyPlanForm,
    MeasureForm,
    PlanForm,
    PriorityForm,
    ProgressForm,
    PublishingStepForm,
    RevenueFigureForm,
    SectionForm,
    StepForm,
)
from ..models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Plan,
    Priority,
    RevenueFigure,
    Section,
)
from ..selectors import (
    PublishedPlan,
    deletion_blockers,
    delivery_review,
    plan_contents,
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
        return staff_plans(self.request.user)


@login_required
@permission_required("plans.add_plan", raise_exception=True)
def plan_create(request):
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = services.create_plan(by=request.user, **form.cleaned_data)
        messages.success(request, f"\u201c{plan}\u201d was created as a draft.")
        return redirect(plan.get_manage_url())
    return render(request, "plans/manage/plan_form.html", {"form": form})


@login_required
@permission_required("plans.change_plan", raise_exception=True)
def plan_edit(request, pk):
    plan = _plan(request, pk)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The plan's details were saved. The public sees them when "
                         "you publish.")  # fmt: skip
        return redirect(plan.get_manage_url())
    return render(request, "plans/manage/plan_form.html", {"form": form, "object": plan})


def _detail(request, plan, *, step_form=None, status=200):
    publish_url = reverse("plans_manage:publish", kwargs={"pk": plan.pk})
    step_url = reverse("plans_manage:step", kwargs={"pk": plan.pk})
    context = {
        "plan": plan,
        "object": plan,
        **plan_contents(plan=plan),
        **publishing_panel(
            obj=plan,
            user=request.user,
            publish_url=publish_url,
            publish_permission="plans.publish_plan",
        ),
        "steps": plan.steps.select_related("recorded_by", "version"),
        "step_form": step_form or StepForm(plan=plan, user=request.user, action=step_url),
        "unpublished_changes": plan.has_unpublished_changes(),
        "publishing_stage": plan.publishing_stage(),
    }
    # Every version of a plan is published by a statutory step: issuing it or varying it.
    context["can_publish"] = context["can_publish"] and context["publishing_stage"] is not None
    return render(request, "plans/manage/detail.html", context, status=status)


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_detail(request, pk):
    return _detail(request, _plan(request, pk))


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_preview(request, pk):
    """The plan's page exactly as publishing would freeze it now."""
    plan = _plan(request, pk)
    page_html, _document, _text = publishing.freeze(obj=plan)
    return render(request, "plans/manage/preview.html", {"plan": plan, "preview_html": page_html})


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_preview_pdf(request, pk):
    """The PDF publishing would render now, for checking page breaks and the contents."""
    plan = _plan(request, pk)
    _page, document_html, _text = publishing.freeze(obj=plan)
    result = pdf.render_pdf(document_html)
    response = HttpResponse(result.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{plan.slug}-preview.pdf"'
    return response


@require_POST
@login_required
@permission_required("plans.change_plan", raise_exception=True)
def plan_step(request, pk):
    plan = _plan(request, pk)
    action = reverse("plans_manage:step", kwargs={"pk": plan.pk})
    form = StepForm(request.POST, plan=plan, user=request.user, action=action)
    if not form.is_valid():
        return _detail(request, plan, step_form=form, status=400)
    try:
        step = services.record_step(plan=plan, by=request.user, **form.cleaned_data)
    except InvalidTransition as error:
        form.add_error(None, str(error))
        return _detail(request, plan, step_form=form, status=400)
    messages.success(request, f"Recorded: {step.get_stage_display()}.")
    return redirect(plan.get_manage_url())


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("plans.publish_plan", raise_exception=True)
def plan_publish(request, pk):
    """The check page of the step that publishes the plan, issuing it or varying it: what
    becomes public, then the step recorded once the publisher confirms it."""
    plan = _plan(request, pk)
    stage = plan.publishing_stage()
    if stage is None:
        messages.error(
            request,
            f"\u201c{plan}\u201d is at \u201c{plan.get_stage_display()}\u201d: a plan is "
            "published when it is issued, and again when it is varied.",
        )
        return redirect(plan.get_manage_url())

    def publish(data):
        step = services.record_step(
            plan=plan,
            stage=stage,
            date=data["date"],
            by=request.user,
            note=data["change_note"],
            reference=data["reference"],
            minor_reason=data.get("minor_reason", ""),
        )
        return step.version

    return publish_after_review(
        request,
        obj=plan,
        publish=publish,
        form_class=partial(PublishingStepForm, plan=plan, stage=stage),
        review=lambda: plan_review(plan=plan, stage=stage),
        refused=(InvalidTransition, PermissionDenied),
        published_message=lambda version: (
            f"Recorded: {stage.label}. Version {version.number} is being published; the public "
            "sees it as soon as its PDF is ready."
        ),
    )


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def delivery_detail(request, pk):
    """The plan's delivery updates: what releasing one now would show, and those released."""
    plan = _plan(request, pk)
    report = services.delivery_report_of(plan)
    page_html, _document, _text = publishing.freeze(obj=report)
    context = {
        "plan": plan,
        "object": report,
        "preview_html": page_html,
        **publishing_panel(
            obj=report,
            user=request.user,
            publish_url=reverse("plans_manage:delivery_publish", kwargs={"pk": plan.pk}),
            publish_permission="plans.publish_deliveryreport",
        ),
    }
    context["can_publish"] = context["can_publish"] and plan.is_issued
    return render(request, "plans/manage/delivery.html", context)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("plans.publish_deliveryreport", raise_exception=True)
def delivery_publish(request, pk):
    """The check page of a delivery update: the tracker and each progress note it releases."""
    plan = _plan(request, pk)
    report = services.delivery_report_of(plan)
    return publish_after_review(
        request,
        obj=report,
        publish=lambda data: services.release_delivery_update(
            plan=plan, by=request.user, note=data["change_note"]
        ),
        review=lambda: delivery_review(report=report),
        published_message=lambda version: (
            f"Delivery update {version.number} is being published, without a new version of "
            "the plan. The public sees it as soon as its PDF is ready."
        ),
    )


@login_required
@permission_required("plans.delete_plan", raise_exception=True)
def plan_delete(request, pk):
    """Delete a plan started by mistake. A published plan is the public record: it stays."""
    plan = _plan(request, pk)
    blocked = ""
    if plan.versions.exists():
        blocked = "This plan has been published, so it stays: its versions are the public record."
    elif blockers := deletion_blockers(plan):
        blocked = (
            f"Other records depend on this plan ({', '.join(blockers)}), so it cannot be deleted."
        )
    if request.method == "POST" and not blocked:
        title = str(plan)
        plan.delete()
        messages.success(request, f"The draft \u201c{title}\u201d was deleted.")
        return redirect("plans_manage:list")
    return render(request, "plans/manage/plan_delete.html", {"plan": plan, "blocked": blocked})


@login_required
@permission_required("plans.add_plan", raise_exception=True)
def plan_copy(request, pk):
    plan = _plan(request, pk)
    initial = {
        "commissioner": plan.commissioner,
        "term_start": plan.term_end,
        "term_end": plan.term_end.replace(year=plan.term_end.year + 4),
    }
    form = CopyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        copy = services.copy_plan(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            f"\u201c{copy}\u201d was started from \u201c{plan}\u201d. Its commitments start as not "
            "started; add this term's finance figures.",
        )
        return redirect(copy.get_manage_url())
    return render(request, "plans/manage/copy.html", {"form": form, "plan": plan})


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def priority_detail(request, pk, number):
    """A priority's lists to edit, and its golden thread as the public sees it (from the plan's
    live version, while the priority is in it)."""
    plan = _plan(request, pk)
    priority = get_object_or_404(plan_priorities(plan), number=number)
    published = PublishedPlan(plan)
    context = {
        "plan": plan,
        "priority": priority,
        "live_version": published.version,
        "public_priority": next((p for p in published.priorities if p.pk == priority.pk), None),
    }
    return render(request, "plans/manage/priority.html", context)


@login_required
@permission_required("plans.change_plan", raise_exception=True)
def commitment_progress(request, pk, item):
    plan = _plan(request, pk)
    commitment = get_object_or_404(
        Commitment.objects.select_related("priority"), pk=item, priority__plan=plan
    )
    action = reverse("plans_manage:progress", kwargs={"pk": plan.pk, "item": commitment.pk})
    form = ProgressForm(request.POST or None, commitment=commitment, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_progress(commitment=commitment, by=request.user, **form.cleaned_data)
        except InvalidTransition as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "The progress note was added. The public tracker shows it when the next "
                "delivery update is released.",
            )
            return redirect(request.path)
    context = {
        "plan": plan,
        "commitment": commitment,
        "form": form,
        "notes": commitment.progress_notes.select_related("recorded_by"),
    }
    return render(request, "plans/manage/progress.html", context)


# The plan's parts: one set of views for sections, priorities, commitments, accountability
# items, measures and finance rows. -------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    model: type
    form_class: type
    label: str
    plan_lookup: str = "plan"
    orderable: bool = True

    def items(self, plan):
        return self.model.objects.filter(**{self.plan_lookup: plan})


PARTS = {
    "sections": Part(Section, SectionForm, "section"),
    "priorities": Part(Priority, PriorityForm, "priority"),
    "commitments": Part(Commitment, CommitmentForm, "commitment", "priority__plan"),
    "accountability": Part(
        AccountabilityItem, AccountabilityItemForm, "accountability item", "priority__plan"
    ),
    "measures": Part(Measure, MeasureForm, "measure"),
    "revenue": Part(RevenueFigure, RevenueFigureForm, "revenue figure", orderable=False),
    "capital": Part(CapitalLine, CapitalLineForm, "capital line", orderable=False),
}


def _part(kind):
    try:
        return PARTS[kind]
    except KeyError:
        raise Http404("No such part of a plan.") from None


def _themes(plan):
    """The cross-cutting themes measures already use, offered as suggestions so one theme is
    not typed two ways."""
    return sorted(set(plan.measures.exclude(theme="").values_list("theme", flat=True)))


def _item(request, pk, kind, item):
    plan = _plan(request, pk)
    part = _part(kind)
    return plan, part, get_object_or_404(part.items(plan), pk=item)


def _back(plan, kind, obj):
    """Where to go after changing a part: the priority's page for its lists, else the plan's."""
    priority = obj if isinstance(obj, Priority) else getattr(obj, "priority", None)
    if priority is not None and priority.pk and kind != "priorities":
        return (
            reverse("plans_manage:priority", kwargs={"pk": plan.pk, "number": priority.number})
            + f"#{kind}"
        )
    return plan.get_manage_url() + f"#{kind}"


@login_required
@permission_required("plans.change_plan", raise_exception=True)
def part_create(request, pk, kind):
    plan = _plan(request, pk)
    part = _part(kind)
    initial = {}
    if request.GET.get("priority", "").isdigit():
        initial["priority"] = plan.priorities.filter(pk=request.GET["priority"]).first()
    form = part.form_class(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save(commit=False)
            if part.plan_lookup == "plan":
                obj.plan = plan
            if isinstance(obj, Priority):
                obj.number = services.next_priority_number(plan)
            elif part.orderable:
                obj.order = services.next_order(obj.siblings())
            obj._change_reason = "Added"
            obj.save()
        messages.success(request, f"The {part.label} was added.")
        return redirect(_back(plan, kind, obj))
    return render(
        request,
        "plans/manage/part_form.html",
        {"plan": plan, "part": part, "kind": kind, "form": form, "themes": _themes(plan)},
    )


@login_required
@permission_required("plans.change_plan", raise_exception=True)
def part_edit(request, pk, kind, item):
    plan, part, obj = _item(request, pk, kind, item)
    form = part.form_class(request.POST or None, plan=plan, instance=obj)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save(commit=False)
            if part.orderable and not isinstance(obj, Priority) and form.has_changed():
                # Moved to another priority or theme: it goes to the end of its new list.
                moved = {"priority", "theme", "placement"} & set(form.changed_data)
                if moved:
                    obj.order = services.next_order(obj.siblings().exclude(pk=obj.pk))
            obj.save()
        messages.success(request, f"The {part.label} was saved.")
        return redirect(_back(plan, kind, obj))
    return render(
        request,
        "plans/manage/part_form.html",
        {
            "plan": plan,
            "part": part,
            "kind": kind,
            "form": form,
            "object": obj,
            "themes": _themes(plan),
        },
    )


@login_required
@permission_required("plans.change_plan", raise_exception=True)
def part_delete(request, pk, kind, item):
    plan, part, obj = _item(request, pk, kind, item)
    blockers = deletion_blockers(obj)
    blocked = ""
    if blockers:
        blocked = (
            f"Other records depend on this {part.label} ({', '.join(blockers)}), so deleting it "
            "would delete or unlink them. Change its wording instead, or deal with those first."
        )
    if request.method == "POST" and not blocked:
        back = _back(plan, kind, obj)
        if isinstance(obj, Priority):
            services.delete_priority(priority=obj)
        else:
            obj.delete()
        messages.success(request, f"The {part.label} was deleted.")
        return redirect(back)
    return render(
        request,
        "plans/manage/part_delete.html",
        {"plan": plan, "part": part, "kind": kind, "object": obj, "blocked": blocked},
    )


@require_POST
@login_required
@permission_required("plans.change_plan", raise_exception=True)
def part_move(request, pk, kind, item):
    plan, part, obj = _item(request, pk, kind, item)
    direction = request.POST.get("direction")
    if not part.orderable or direction not in ("up", "down"):
        raise Http404("That cannot be moved.")
    label = (obj.title if isinstance(obj, Priority) else str(obj))[:60]
    if services.move_item(item=obj, direction=direction, by=request.user):
        message = f"Moved \u201c{label}\u201d {direction}."
        level = messages.SUCCESS
    else:
        place = "first" if direction == "up" else "last"
        message = f"\u201c{label}\u201d is already {place}."
        level = messages.INFO
    template = MOVED_LISTS.get(kind)
    if template and reordering.wants_json(request):
        return reordering.moved(
            request,
            template=template,
            context=_moved_list_context(plan, kind, obj),
            row=f"{kind}-{obj.pk}",
            message=message,
        )
    messages.add_message(request, level, message)
    return redirect(_back(plan, kind, obj).split("#")[0] + f"#{kind}-{obj.pk}")


# The lists that are reordered in place (reorder.js); the others come back with the page.
MOVED_LISTS = {
    "sections": "plans/manage/_section_list.html",
    "priorities": "plans/manage/_priorities.html",
    "commitments": "plans/manage/_commitments.html",
    "accountability": "plans/manage/_accountability.html",
    "measures": "plans/manage/_measures.html",
}


def _moved_list_context(plan, kind, obj):
    """What the moved item's list renders from: its siblings (a section's placement, a
    measure's priority or theme), or the priority it belongs to."""
    if kind in ("sections", "measures"):
        return {"plan": plan, kind: list(obj.siblings().order_by("order", "pk"))}
    priorities = plan_priorities(plan)
    context = {"plan": plan, "priorities": priorities}
    if kind != "priorities":
        context["priority"] = priorities.get(pk=obj.priority_id)
    return context
