"""Staff views for meetings: arrange a meeting, see its agenda and pack, publish the pack and
follow its build. The agenda's items and papers are in ``manage_agenda``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import CreateView, ListView, UpdateView

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.selectors import review
from pcc_portal.publications.services import NothingToPublish
from pcc_portal.publications.views import publish_after_review
from pcc_portal.views.generic import FormPage

from .. import selectors
from ..forms import MeetingForm, MeetingStatusForm, PublishPackForm
from ..models import AgendaPack, Meeting, PackBuild, Panel, Paper
from ..services import meetings as services
from ..services import packs
from .manage_people import _NeedsPanel


def _form_page(request, form, *, title, crumbs=(), intro="", status=200, caption=""):
    return render(
        request,
        "panel/manage/form.html",
        {"form": form, "title": title, "crumbs": crumbs, "intro": intro, "caption": caption},
        status=status,
    )


def _meeting_crumbs(meeting):
    return [(reverse("panel_manage:meeting", kwargs={"pk": meeting.pk}), meeting.title)]


def _meeting(request, pk):
    return get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)


class MeetingListView(PermissionRequiredMixin, ListView):
    permission_required = "panel.view_meeting"
    template_name = "panel/manage/meetings.html"
    context_object_name = "meetings"

    def get_queryset(self):
        return (
            Meeting.objects.visible_to(self.request.user)
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

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "intro": "The agenda starts with the standard items: welcome and apologies, the "
            "minutes of the last meeting, declarations of interest, public questions, urgent "
            "business and the dates of the next meetings.",
        }

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


class MeetingUpdateView(MeetingFormPage, UpdateView):
    model = Meeting
    form_class = MeetingForm
    success_message = "The meeting's details were saved."

    def get_page_title(self):
        return f"Edit the meeting on {self.object.date:%-d %B %Y}"


@login_required
@permission_required("panel.change_meeting", raise_exception=True)
def meeting_status(request, pk):
    meeting = _meeting(request, pk)
    form = MeetingStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_meeting_status(
                meeting=meeting,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"].strip(),
                new_date=form.cleaned_data["new_date"],
            )
        except InvalidTransition as error:
            form.add_error("action", str(error))
        else:
            meeting.refresh_from_db()
            if meeting.new_date:
                messages.success(
                    request,
                    f"The meeting was postponed to {meeting.new_date:%-d %B %Y}, which is "
                    "arranged with the standard agenda.",
                )
            else:
                messages.success(request, "The meeting's status was changed.")
            return redirect("panel_manage:meeting", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title=f"Postpone, cancel or record the meeting on {meeting.date:%-d %B %Y}",
        crumbs=_meeting_crumbs(meeting),
        intro=f"It is {meeting.get_status_display().lower()}. The calendar feed tells "
        "subscribers when a meeting is called off.",
        status=400 if form.errors else 200,
    )


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
        "progress": selectors.pack_progress(latest_build),
        "untagged": selectors.untagged_papers(latest_build),
        "live_build": selectors.live_build(meeting),
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
            **selectors.withdrawal_actions(meeting),
        },
    )


@login_required
@permission_required("panel.view_meeting", raise_exception=True)
def meeting_detail(request, pk):
    return _detail(request, _meeting(request, pk))


@login_required
@permission_required("panel.view_meeting", raise_exception=True)
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


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("panel.publish_agendapack", raise_exception=True)
def pack_publish(request, pk):
    """The check page (every item and paper, public or members only, tagged or not), then
    publishing the agenda as it stands as the pack's next version."""
    meeting = _meeting(request, pk)
    pack = AgendaPack.objects.filter(meeting=meeting).first() or AgendaPack(meeting=meeting)
    return publish_after_review(
        request,
        obj=pack,
        form_class=PublishPackForm,
        publish=lambda data: packs.publish_pack(
            meeting=meeting,
            by=request.user,
            note=data["change_note"],
            supplementary=data["supplementary"],
        ),
        review=lambda: review(obj=pack, **selectors.pack_review(meeting)),
        published_message=lambda version: (
            f"Version {version.number} of the pack is being built. The public and the members "
            "see it, and members are emailed, as soon as it is ready."
        ),
    )


@require_POST
@login_required
@permission_required("panel.publish_agendapack", raise_exception=True)
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
