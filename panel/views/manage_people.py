"""Staff views for the panel itself, its members, task and finish groups and complaints."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.generic import CreateView, ListView, UpdateView

from ..forms import MemberForm, PanelForm, TaskAndFinishGroupForm
from ..models import Member, Panel, TaskAndFinishGroup


class _FormPage:
    """Create and update views rendered with the panel's form page."""

    template_name = "panel/manage/form.html"
    page_title = ""
    list_url = None
    list_label = ""

    def get_context_data(self, **kwargs):
        crumbs = [(self.list_url, self.list_label)] if self.list_url else []
        return {
            **super().get_context_data(**kwargs),
            "title": self.get_page_title(),
            "crumbs": crumbs,
        }

    def get_page_title(self):
        return self.page_title

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        if getattr(form.instance, "panel_id", True) is None:
            form.instance.panel = Panel.objects.first()
        response = super().form_valid(form)
        messages.success(self.request, f"“{self.object}” was saved.")
        return response


class _NeedsPanel:
    """Members, groups and complaints belong to the panel: its details come first."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perms(self.get_permission_required()) and not Panel.objects.exists():
            messages.error(request, "Enter the panel's details first.")
            return redirect("panel_manage:panel")
        return super().dispatch(request, *args, **kwargs)


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
