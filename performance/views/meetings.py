"""Staff views for strategic scrutiny meetings: recording one, its papers and actions, its page
with the publishing panel, and publishing its note."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import CreateView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.views.generic import FormPage, PublishingDetailView, PublishView

from .. import services
from ..forms import ActionForm, ActionUpdateForm, PaperForm, ScrutinyMeetingForm
from ..models import ScrutinyAction, ScrutinyMeeting
from .manage import FORM_TEMPLATE, _form_page, staff


def _meeting_crumbs(meeting=None):
    crumbs = [
        (reverse("performance_manage:index"), "Performance"),
        (reverse("performance_manage:meetings"), "Scrutiny meetings"),
    ]
    if meeting is not None:
        crumbs.append((meeting.get_manage_url(), str(meeting)))
    return crumbs


@staff("performance.view_scrutinymeeting")
def meeting_list(request):
    meetings = ScrutinyMeeting.objects.visible_to(request.user).order_by("-date")
    actions = ScrutinyAction.objects.open().select_related("raised_at")
    return render(
        request, "performance/manage/meeting_list.html", {"meetings": meetings, "actions": actions}
    )


class MeetingCreateView(PermissionRequiredMixin, FormPage, CreateView):
    permission_required = "performance.add_scrutinymeeting"
    form_class = ScrutinyMeetingForm
    template_name = FORM_TEMPLATE
    page_title = "Record a strategic scrutiny meeting"
    success_message = "“{object}” was saved as a draft."

    def get_crumbs(self):
        return _meeting_crumbs()


class MeetingUpdateView(PermissionRequiredMixin, FormPage, UpdateView):
    model = ScrutinyMeeting
    permission_required = "performance.change_scrutinymeeting"
    form_class = ScrutinyMeetingForm
    template_name = FORM_TEMPLATE
    success_message = "Your changes were saved. The public sees them when you publish."

    def get_page_title(self):
        return f"Edit {self.object}"

    def get_crumbs(self):
        return _meeting_crumbs(self.object)


class MeetingDetailView(PublishingDetailView):
    permission_required = "performance.view_scrutinymeeting"
    model = ScrutinyMeeting
    template_name = "performance/manage/meeting.html"
    context_object_name = "meeting"
    publish_url_name = "performance_manage:meeting_publish"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.object.publication_context()}


class MeetingPublishView(PublishView):
    """The check page, then publishing the note of the meeting."""

    permission_required = "performance.publish_scrutinymeeting"
    model = ScrutinyMeeting

    def published_message(self, version):
        return (
            f"Version {version.number} of the note is being "
            "published. The public sees it as soon as its PDF is ready."
        )


class _AddToMeeting(PermissionRequiredMixin, FormPage, CreateView):
    """A paper or an action added to a meeting's record."""

    template_name = FORM_TEMPLATE

    @cached_property
    def meeting(self):
        # Anyone who may add to a meeting's record is staff who may see its draft.
        return get_object_or_404(ScrutinyMeeting, pk=self.kwargs["pk"])

    def get_crumbs(self):
        return _meeting_crumbs(self.meeting)

    def get_success_url(self):
        return self.meeting.get_manage_url()


class PaperCreateView(_AddToMeeting):
    permission_required = "performance.add_paper"
    form_class = PaperForm
    page_title = "Add a paper received"
    success_message = "“{object}” was added to the papers received."

    def save(self, form):
        return services.add_paper(
            meeting=self.meeting, paper=form.save(commit=False), by=self.request.user
        )


class ActionCreateView(_AddToMeeting):
    permission_required = "performance.add_scrutinyaction"
    form_class = ActionForm
    initial = {"owner": "Chief Constable"}
    page_title = "Add an action for the Chief Constable"
    success_message = "The action was added. It is carried forward until closed."

    def save(self, form):
        return services.add_action(
            meeting=self.meeting,
            action=form.save(commit=False),
            priorities=form.cleaned_data["priorities"],
            by=self.request.user,
        )


@staff("performance.change_scrutinyaction")
def action_edit(request, pk):
    action = get_object_or_404(ScrutinyAction.objects.select_related("raised_at"), pk=pk)
    form = ActionUpdateForm(
        request.POST or None,
        initial={
            "status": action.status,
            "update": action.update,
            "closed_on": action.closed_on,
            "priorities": action.priorities.all(),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_action(
                action=action,
                status=data["status"],
                update=data["update"],
                closed_on=data["closed_on"],
                priorities=data["priorities"],
                by=request.user,
            )
        except (InvalidTransition, ValidationError) as error:
            form.add_error("status", str(error.message if hasattr(error, "message") else error))
        else:
            messages.success(request, "The action's progress was saved.")
            return redirect(action.raised_at.get_manage_url())
    return _form_page(
        request,
        form,
        title="Record progress on an action",
        crumbs=_meeting_crumbs(action.raised_at),
        intro=action.description,
    )
