"""Staff views for meetings: arrange a meeting, see its agenda and pack, publish the pack and
follow its build. The agenda's items and papers are in ``manage_agenda``."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView, ListView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.selectors import review
from pcc_portal.publications.services import NothingToPublish
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage, PublishView, VisibleToUser

from .. import selectors
from ..forms import MeetingForm, MeetingStatusForm, PublishPackForm
from ..models import AgendaItem, AgendaPack, Meeting, PackBuild, Panel, Paper
from ..services import meetings as services
from ..services import packs
from .manage_people import _NeedsPanel


def _meeting_crumbs(meeting):
    return [(reverse("panel_manage:meeting", kwargs={"pk": meeting.pk}), meeting.title)]


def _meeting(request, pk):
    return get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)


def _item(request, pk):
    """An agenda item of a meeting this user may see."""
    return get_object_or_404(
        AgendaItem.objects.filter(
            meeting__in=Meeting.objects.visible_to(request.user)
        ).select_related("meeting"),
        pk=pk,
    )


class MeetingListView(PermissionRequiredMixin, VisibleToUser, ListView):
    permission_required = "panel.view_meeting"
    model = Meeting
    template_name = "panel/manage/meetings.html"
    context_object_name = "meetings"
    paginate_by = 50

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("panel")
            .annotate(item_count=Count("items"))
            .prefetch_related(
                Prefetch(
                    "pack_builds",
                    queryset=PackBuild.objects.select_related("version").order_by(
                        "-version__number"
                    ),
                )
            )
            .order_by("-date")
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "panel": Panel.objects.first()}


class MeetingCreateView(PermissionRequiredMixin, _NeedsPanel, FormPage, CreateView):
    permission_required = "panel.add_meeting"
    template_name = "panel/manage/form.html"
    form_class = MeetingForm
    page_title = "Arrange a meeting"
    success_message = "The meeting on {object.date:%-d %B %Y} was arranged with the standard items."
    intro = (
        "The agenda starts with the standard items: welcome and apologies, the minutes of the "
        "last meeting, declarations of interest, public questions, urgent business and the "
        "dates of the next meetings."
    )

    def save(self, form):
        return services.create_meeting(meeting=form.instance)


class MeetingFormPage(PermissionRequiredMixin, FormPage):
    """A form page about one meeting or one of its items, under the meeting's breadcrumbs."""

    template_name = "panel/manage/form.html"
    permission_required = "panel.change_meeting"

    def get_meeting(self):
        return self.object

    def get_crumbs(self):
        return _meeting_crumbs(self.get_meeting())


class AtMeeting:
    """A form page at a meeting's address (its ``pk``), for a meeting this user may see."""

    def get_meeting(self):
        if not hasattr(self, "meeting"):
            self.meeting = _meeting(self.request, self.kwargs["pk"])
        return self.meeting


class AtItem:
    """A form page at an agenda item's address (its ``pk``), captioned with the item's title;
    once saved it goes back to the item on the meeting's page."""

    def get_item(self):
        if not hasattr(self, "item"):
            self.item = _item(self.request, self.kwargs["pk"])
        return self.item

    def get_meeting(self):
        return self.get_item().meeting

    def get_caption(self):
        return self.get_item().title

    def get_success_url(self):
        return self.get_item().get_manage_url()


class MeetingUpdateView(MeetingFormPage, UpdateView):
    model = Meeting
    form_class = MeetingForm
    success_message = "The meeting's details were saved."

    def get_page_title(self):
        return f"Edit the meeting on {self.object.date:%-d %B %Y}"


class MeetingStatusView(AtMeeting, MeetingFormPage, FormView):
    form_class = MeetingStatusForm
    refused = (InvalidTransition,)
    refused_field = "action"

    def get_page_title(self):
        return f"Postpone, cancel or record the meeting on {self.get_meeting().date:%-d %B %Y}"

    def get_intro(self):
        return (
            f"It is {self.get_meeting().get_status_display().lower()}. The calendar feed tells "
            "subscribers when a meeting is called off."
        )

    def save(self, form):
        return services.change_meeting_status(
            meeting=self.get_meeting(),
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"].strip(),
            new_date=form.cleaned_data["new_date"],
        )

    def get_success_message(self):
        if self.object.new_date:
            return (
                f"The meeting was postponed to {self.object.new_date:%-d %B %Y}, which is "
                "arranged with the standard agenda."
            )
        return "The meeting's status was changed."


meeting_status = MeetingStatusView.as_view()


def _agenda_items(meeting):
    return list(
        meeting.items.order_by("number").prefetch_related(
            Prefetch("papers", queryset=Paper.objects.select_related("report", "version"))
        )
    )


def _pack_state(meeting, latest_build):
    """What the pack's live region shows (``panel/manage/_pack_status.html``)."""
    return {
        "meeting": meeting,
        "latest_build": latest_build,
        "progress": selectors.pack_progress(build=latest_build),
        "untagged": selectors.untagged_papers(build=latest_build),
        "live_build": selectors.live_build(meeting=meeting),
    }


def _detail(request, meeting):
    items = _agenda_items(meeting)
    builds = list(
        PackBuild.objects.filter(meeting=meeting)
        .select_related("version__published_by")
        .order_by("-version__number")
    )
    latest_build = builds[0] if builds else None
    return render(
        request,
        "panel/manage/meeting.html",
        {
            "meeting": meeting,
            "items": items,
            "builds": builds,
            **_pack_state(meeting, latest_build),
            **selectors.withdrawal_actions(meeting=meeting),
        },
    )


@staff("panel.view_meeting")
def meeting_detail(request, pk):
    return _detail(request, _meeting(request, pk))


@staff("panel.view_meeting")
def pack_status(request, pk):
    """The latest pack build's progress, for the meeting page's script."""
    meeting = _meeting(request, pk)
    build = PackBuild.objects.filter(meeting=meeting).order_by("-version__number").first()
    if build is None:
        return JsonResponse({"status": None})
    state = _pack_state(meeting, build)
    return JsonResponse(
        {
            "status": build.status,
            "label": build.get_status_display(),
            "finished": build.is_finished,
            "attempts": build.attempts,
            "error": build.error
            if build.status in (build.Status.FAILED, build.Status.DEAD)
            else "",
            "rendered": state["progress"]["rendered"],
            "total": state["progress"]["total"],
            "html": render_to_string("panel/manage/_pack_status.html", state, request=request),
        }
    )


class PackPublishView(PublishView):
    """The check page (every item and paper, public or members only, tagged or not), then
    publishing the agenda as it stands as the pack's next version."""

    permission_required = "panel.publish_agendapack"
    model = AgendaPack
    form_class = PublishPackForm

    def get_object(self, queryset=None):
        self.meeting = _meeting(self.request, self.kwargs["pk"])
        pack = AgendaPack.objects.filter(meeting=self.meeting).first()
        return pack or AgendaPack(meeting=self.meeting)

    def publish(self, data):
        return packs.publish_pack(
            meeting=self.meeting,
            by=self.request.user,
            note=data["change_note"],
            supplementary=data["supplementary"],
        )

    def review(self):
        return review(obj=self.object, **selectors.pack_review(meeting=self.meeting))

    def published_message(self, version):
        return (
            f"Version {version.number} of the pack is being built. The public and the members "
            "see it, and members are emailed, as soon as it is ready."
        )


pack_publish = PackPublishView.as_view()


@require_POST
@staff("panel.publish_agendapack")
def pack_retry(request, pk):
    meeting = _meeting(request, pk)
    build = get_object_or_404(PackBuild, meeting=meeting, pk=request.POST.get("build"))
    try:
        packs.retry_pack(build=build)
    except NothingToPublish as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The pack is being built again.")
    return redirect("panel_manage:meeting", pk=meeting.pk)
