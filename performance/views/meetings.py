"""Staff views for strategic scrutiny meetings: recording one, its papers and actions, its page
with the publishing panel, and publishing its note."""

from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.views.generic import CreateView, FormView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import PublishingDetailView, PublishView

from .. import services
from ..forms import ActionForm, ActionUpdateForm, PaperForm, ScrutinyMeetingForm
from ..models import ScrutinyAction, ScrutinyMeeting
from .manage import DraftCreatePage, DraftUpdatePage, StaffFormPage, crumbs_under

# The list the meeting pages sit under, for their breadcrumbs: its URL name and label.
MEETINGS = ("performance_manage:meetings", "Scrutiny meetings")


@staff("performance.view_scrutinymeeting")
def meeting_list(request):
    meetings = ScrutinyMeeting.objects.visible_to(request.user).order_by("-date")
    actions = ScrutinyAction.objects.visible_to(request.user).open().select_related("raised_at")
    return render(
        request, "performance/manage/meeting_list.html", {"meetings": meetings, "actions": actions}
    )


class MeetingCreateView(DraftCreatePage, StaffFormPage, CreateView):
    permission_required = "performance.add_scrutinymeeting"
    form_class = ScrutinyMeetingForm
    page_title = "Record a strategic scrutiny meeting"
    under = MEETINGS


class MeetingUpdateView(DraftUpdatePage, StaffFormPage, UpdateView):
    model = ScrutinyMeeting
    permission_required = "performance.change_scrutinymeeting"
    form_class = ScrutinyMeetingForm
    under = MEETINGS


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


class _AddToMeeting:
    """A paper or an action added to a meeting's record."""

    @cached_property
    def meeting(self):
        return get_object_or_404(
            ScrutinyMeeting.objects.visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def get_crumbs(self):
        return crumbs_under(*MEETINGS, self.meeting)

    def get_success_url(self):
        return self.meeting.get_manage_url()


class PaperCreateView(_AddToMeeting, StaffFormPage, CreateView):
    permission_required = "performance.add_paper"
    form_class = PaperForm
    page_title = "Add a paper received"
    success_message = "“{object}” was added to the papers received."

    def save(self, form):
        return services.add_paper(
            meeting=self.meeting, paper=form.save(commit=False), by=self.request.user
        )


class ActionCreateView(_AddToMeeting, StaffFormPage, CreateView):
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


class ActionUpdateView(StaffFormPage, FormView):
    """Progress on an action: its status, the latest update, and the priorities it is about."""

    permission_required = "performance.change_scrutinyaction"
    form_class = ActionUpdateForm
    page_title = "Record progress on an action"
    success_message = "The action's progress was saved."
    refused = (InvalidTransition,)
    refused_field = "status"  # every refusal is of the status asked for

    @cached_property
    def action(self):
        return get_object_or_404(
            ScrutinyAction.objects.visible_to(self.request.user).select_related("raised_at"),
            pk=self.kwargs["pk"],
        )

    def get_initial(self):
        action = self.action
        return {
            "status": action.status,
            "update": action.update,
            "closed_on": action.closed_on,
            "priorities": action.priorities.all(),
        }

    def get_intro(self):
        return self.action.description

    def get_crumbs(self):
        return crumbs_under(*MEETINGS, self.action.raised_at)

    def save(self, form):
        data = form.cleaned_data
        return services.update_action(
            action=self.action,
            status=data["status"],
            update=data["update"],
            closed_on=data["closed_on"],
            priorities=data["priorities"],
            by=self.request.user,
        )

    def get_success_url(self):
        return self.action.raised_at.get_manage_url()


action_edit = ActionUpdateView.as_view()
