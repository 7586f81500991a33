"""Staff views for the panel itself, its members, task and finish groups and complaints."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.generic import CreateView, ListView, UpdateView

from pcc_portal.views.generic import FormPage

from ..forms import MemberForm, PanelForm, TaskAndFinishGroupForm
from ..models import Member, Panel, TaskAndFinishGroup


class _FormPage(FormPage):
    """Create and update views rendered with the panel's form page; an edit page is titled
    with what it edits."""

    template_name = "panel/manage/form.html"

    def get_page_title(self):
        return self.page_title or f"Edit {self.object}"


class PanelFirst:
    """A page that adds to the panel's business (a member, a group, a meeting, a case, a
    complaint): until the panel's details are entered, staff who may use it are sent to enter
    them. Goes after ``PermissionRequiredMixin``."""

    def dispatch(self, request, *args, **kwargs):
        if self.has_permission() and not Panel.objects.exists():
            messages.error(request, "Enter the panel's details first.")
            return redirect("panel_manage:panel")
        return super().dispatch(request, *args, **kwargs)


class _NeedsPanel(PanelFirst):
    """Members, groups and meetings belong to the panel: what the form creates is the panel's."""

    def form_valid(self, form):
        form.instance.panel = Panel.objects.first()
        return super().form_valid(form)


class PanelEditView(PermissionRequiredMixin, _FormPage, UpdateView):
    permission_required = "panel.change_panel"
    form_class = PanelForm
    page_title = "The panel's details"
    success_url = reverse_lazy("panel_manage:meetings")

    def get_object(self, queryset=None):
        return Panel.objects.first() or Panel()

    def get_permission_required(self):
        if Panel.objects.exists():
            return ["panel.change_panel"]
        return ["panel.add_panel"]


class MemberListView(PermissionRequiredMixin, ListView):
    permission_required = "panel.view_member"
    template_name = "panel/manage/members.html"
    context_object_name = "members"
    queryset = Member.objects.select_related("user").order_by("term_end", "name")


class _MemberPage:
    form_class = MemberForm
    model = Member
    list_url = reverse_lazy("panel_manage:members")
    list_label = "Members"
    success_url = list_url


class MemberCreateView(PermissionRequiredMixin, _NeedsPanel, _MemberPage, _FormPage, CreateView):
    permission_required = "panel.add_member"
    page_title = "Add a member"


class MemberUpdateView(PermissionRequiredMixin, _MemberPage, _FormPage, UpdateView):
    permission_required = "panel.change_member"


class GroupListView(PermissionRequiredMixin, ListView):
    permission_required = "panel.view_taskandfinishgroup"
    template_name = "panel/manage/groups.html"
    context_object_name = "groups"
    queryset = TaskAndFinishGroup.objects.prefetch_related("members").select_related(
        "report_back_to"
    )


class _GroupPage:
    form_class = TaskAndFinishGroupForm
    model = TaskAndFinishGroup
    list_url = reverse_lazy("panel_manage:groups")
    list_label = "Task and finish groups"
    success_url = list_url


class GroupCreateView(PermissionRequiredMixin, _NeedsPanel, _GroupPage, _FormPage, CreateView):
    permission_required = "panel.add_taskandfinishgroup"
    page_title = "Set up a task and finish group"


class GroupUpdateView(PermissionRequiredMixin, _GroupPage, _FormPage, UpdateView):
    permission_required = "panel.change_taskandfinishgroup"
