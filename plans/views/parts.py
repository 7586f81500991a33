"""Staff views for a plan's parts: one set of views to add, edit, delete and reorder its
sections, priorities, commitments, accountability items, measures and finance rows."""

from dataclasses import dataclass

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from pcc_portal import reordering
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage, RemoveView

from .. import services
from ..forms import (
    AccountabilityItemForm,
    CapitalLineForm,
    CommitmentForm,
    MeasureForm,
    PriorityForm,
    RevenueFigureForm,
    SectionForm,
)
from ..models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Priority,
    RevenueFigure,
    Section,
)
from ..selectors import deletion_blockers, plan_priorities
from .manage import _plan


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


class _PartPage(PermissionRequiredMixin, FormPage):
    """Adding or editing one part of a plan; the ``kind`` in the URL says which (``PARTS``)."""

    permission_required = "plans.change_plan"
    template_name = "plans/manage/part_form.html"

    @cached_property
    def plan(self):
        return _plan(self.request, self.kwargs["pk"])

    @cached_property
    def part(self):
        return _part(self.kwargs["kind"])

    def get_form_class(self):
        return self.part.form_class

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "plan": self.plan,
            "part": self.part,
            "kind": self.kwargs["kind"],
            "themes": _themes(self.plan),
        }

    def get_success_url(self):
        return _back(self.plan, self.kwargs["kind"], self.object)


class PartCreateView(_PartPage, CreateView):
    def get_initial(self):
        priority = self.request.GET.get("priority", "")
        if priority.isdigit():
            return {"priority": self.plan.priorities.filter(pk=priority).first()}
        return {}

    def save(self, form):
        return services.add_part(plan=self.plan, part=form.save(commit=False), by=self.request.user)

    def get_success_message(self):
        return f"The {self.part.label} was added."


class PartUpdateView(_PartPage, UpdateView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.part.items(self.plan), pk=self.kwargs["item"])

    def save(self, form):
        # Moved to another priority, theme or placement: it goes to the end of its new list.
        moved = bool({"priority", "theme", "placement"} & set(form.changed_data))
        return services.save_part(part=self.edited(form), moved=moved, by=self.request.user)

    def get_success_message(self):
        return f"The {self.part.label} was saved."


class PartDeleteView(RemoveView):
    """Delete one part of a plan, unless other records depend on it."""

    permission_required = "plans.change_plan"

    def get_object(self):
        self.plan, self.part, obj = _item(
            self.request, self.kwargs["pk"], self.kwargs["kind"], self.kwargs["item"]
        )
        return obj

    def blocked(self):
        if blockers := deletion_blockers(obj=self.object):
            return (
                f"Other records depend on this {self.part.label} ({', '.join(blockers)}), so "
                "deleting it would delete or unlink them. Change its wording instead, or deal "
                "with those first."
            )
        return ""

    def remove(self):
        services.delete_part(part=self.object, by=self.request.user)

    def get_heading(self):
        return f"Delete the {self.part.label}"

    def get_button(self):
        return self.get_heading()

    def get_caption(self):
        return str(self.plan)

    def get_summary(self):
        return str(self.object)

    def get_consequences(self):
        renumbered = (
            "Its commitments, accountability items and measures are deleted with it, and the "
            "priorities after it are renumbered. "
            if self.kwargs["kind"] == "priorities"
            else ""
        )
        return (
            f"{renumbered}Published versions keep it: the public sees the change when the plan "
            "is next published."
        )

    def get_success_message(self):
        return f"The {self.part.label} was deleted."

    def get_back_url(self):
        return _back(self.plan, self.kwargs["kind"], self.object)

    def get_crumbs(self):
        return [
            (reverse("plans_manage:list"), "Police and crime plans"),
            (self.plan.get_manage_url(), str(self.plan)),
        ]


part_delete = PartDeleteView.as_view()


@require_POST
@staff("plans.change_plan")
def part_move(request, pk, kind, item):
    plan, part, obj = _item(request, pk, kind, item)
    direction = request.POST.get("direction")
    if not part.orderable or direction not in ("up", "down"):
        raise Http404("That cannot be moved.")
    label = (obj.title if isinstance(obj, Priority) else str(obj))[:60]
    moves = services.move_item(item=obj, direction=direction)
    if moves:
        message = f"Moved \u201c{label}\u201d {direction}."
    else:
        place = "first" if direction == "up" else "last"
        message = f"\u201c{label}\u201d is already {place}."
    return reordering.answer(
        request,
        moves=moves,
        message=message,
        back=_back(plan, kind, obj).split("#")[0] + f"#{kind}-{obj.pk}",
        template=MOVED_LISTS.get(kind),
        context=lambda: _moved_list_context(plan, kind, obj),
        row=f"{kind}-{obj.pk}",
    )


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
    priorities = plan_priorities(plan=plan)
    context = {"plan": plan, "priorities": priorities}
    if kind != "priorities":
        context["priority"] = priorities.get(pk=obj.priority_id)
    return context
