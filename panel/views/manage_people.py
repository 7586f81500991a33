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
    """Create and update views rendered with the panel's form page."""

    template_name = "panel/manage/form.html"


class _NeedsPanel:
    """Members, groups and complaints belong to the panel: its details come first."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perms(self.get_permission_required()) and not Panel.objects.exists():
            messages.error(request, "Enter the panel's details first.")
            return redirect("panel_manage:panel")
        return super().dispatch(request, *args, **kwargs)

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


class MemberCreateView(PermissionRequiredMixin, _NeedsPanel, _FormPage, CreateView):
    permission_required = "panel.add_member"
    form_class = MemberForm
    page_title = "Add a member"
    list_url = reverse_lazy("panel_manage:members")
    list_label = "Members"
    success_url = reverse_lazy("panel_manage:members")


class MemberUpdateView(PermissionRequiredMixin, _FormPage, UpdateView):
    permission_required = "panel.change_member"
    form_class = MemberForm
    model = Member
    list_url = reverse_lazy("panel_manage:members")
    list_label = "Members"
    success_url = reverse_lazy("panel_manage:members")

    def get_page_title(self):
        return f"Edit {self.object}"


class GroupListView(PermissionRequiredMixin, ListView):
    permission_required = "panel.view_taskandfinishgroup"
    template_name = "panel/manage/groups.html"
    context_object_name = "groups"
    queryset = TaskAndFinishGroup.objects.prefetch_related("members").select_related(
        "report_back_to"
    )


class GroupCreateView(PermissionRequiredMixin, _NeedsPanel, _FormPage, CreateView):
    permission_required = "panel.add_taskandfinishgroup"
    form_class = TaskAndFinishGroupForm
    page_title = "Set up a task and finish group"
    list_url = reverse_lazy("panel_manage:groups")
    list_label = "Task and finish groups"
    success_url = reverse_lazy("panel_manage:groups")


class GroupUpdateView(PermissionRequiredMixin, _FormPage, UpdateView):
    permission_required = "panel.change_taskandfinishgroup"
    form_class = TaskAndFinishGroupForm
    model = TaskAndFinishGroup
    list_url = reverse_lazy("panel_manage:groups")
    list_label = "Task and finish groups"
    success_url = reverse_lazy("panel_manage:groups")

    def get_page_title(self):
        return f"Edit {self.object}"
