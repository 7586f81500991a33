"""Staff views for meetings and agendas: arrange a meeting, build and order its agenda, attach
papers, publish the pack and follow its build."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import ListView

from pcc_portal import reordering
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.forms import WithdrawForm
from pcc_portal.publications.pdf_safety import InvalidPDF
from pcc_portal.publications.selectors import review
from pcc_portal.publications.services import NothingToPublish, record_release
from pcc_portal.publications.views import (
    publish_after_review,
    reauthenticated_at,
    render_withdraw_page,
    require_reauthentication,
)

from .. import selectors
from ..forms import (
    AgendaItemForm,
    MeetingForm,
    MeetingStatusForm,
    PublicationPaperForm,
    PublishPackForm,
    ReportForm,
    UploadPaperForm,
)
from ..models import AgendaItem, AgendaPack, Meeting, PackBuild, PackPaper, Panel, Paper, Report
from ..services import meetings as services
from ..services import packs


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


@login_required
@permission_required("panel.add_meeting", raise_exception=True)
def meeting_create(request):
    panel = Panel.objects.first()
    if panel is None:
        messages.error(request, "Enter the panel's details first.")
        return redirect("panel_manage:panel")
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.panel = panel
        meeting = services.create_meeting(meeting=form.instance)
        messages.success(
            request,
            f"The meeting on {meeting.date:%-d %B %Y} was arranged with the standard items.",
        )
        return redirect("panel_manage:meeting", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title="Arrange a meeting",
        intro="The agenda starts with the standard items: welcome and apologies, the minutes of "
        "the last meeting, declarations of interest, public questions, urgent business and the "
        "dates of the next meetings.",
        status=400 if form.errors else 200,
    )


@login_required
@permission_required("panel.change_meeting", raise_exception=True)
def meeting_edit(request, pk):
    meeting = _meeting(request, pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The meeting's details were saved.")
        return redirect("panel_manage:meeting", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title=f"Edit the meeting on {meeting.date:%-d %B %Y}",
        crumbs=_meeting_crumbs(meeting),
        status=400 if form.errors else 200,
    )


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


def _item(request, pk):
    return get_object_or_404(
        AgendaItem.objects.filter(
            meeting__in=Meeting.objects.visible_to(request.user)
        ).select_related("meeting"),
        pk=pk,
    )


@login_required
@permission_required("panel.change_meeting", raise_exception=True)
def item_create(request, pk):
    meeting = _meeting(request, pk)
    form = AgendaItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        item = services.add_item(meeting=meeting, item=form.instance)
        messages.success(request, f"Item {item.number}, “{item.title}”, was added.")
        return redirect(item.get_manage_url())
    return _form_page(
        request,
        form,
        title="Add an agenda item",
        crumbs=_meeting_crumbs(meeting),
        intro="It goes before urgent business and the dates of next meetings; move it after.",
        status=400 if form.errors else 200,
    )


@login_required
@permission_required("panel.change_meeting", raise_exception=True)
def item_edit(request, pk):
    item = _item(request, pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Item {item.number} was saved.")
        return redirect(item.get_manage_url())
    return _form_page(
        request,
        form,
        title=f"Edit item {item.number}",
        crumbs=_meeting_crumbs(item.meeting),
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
@permission_required("panel.change_meeting", raise_exception=True)
def item_move(request, pk):
    item = _item(request, pk)
    direction = request.POST.get("direction")
    before = item.number
    if direction in ("up", "down"):
        services.move_item(item=item, direction=direction)
        item.refresh_from_db()
    if not reordering.wants_json(request):
        return redirect(item.get_manage_url())
    if item.number == before:
        message = f"\u201c{item.title}\u201d is already item {item.number}."
    else:
        message = f"\u201c{item.title}\u201d is now item {item.number}."
    return reordering.moved(
        request,
        template="panel/manage/_agenda.html",
        context={"meeting": item.meeting, "items": _agenda_items(item.meeting)},
        row=f"item-{item.pk}",
        message=message,
    )


@require_POST
@login_required
@permission_required("panel.change_meeting", raise_exception=True)
def item_delete(request, pk):
    item = _item(request, pk)
    meeting = item.meeting
    services.remove_item(item=item)
    messages.success(request, f"“{item.title}” was removed from the agenda.")
    return redirect("panel_manage:meeting", pk=meeting.pk)


@login_required
@permission_required("panel.add_paper", raise_exception=True)
def paper_report_create(request, pk):
    item = _item(request, pk)
    form = ReportForm(request.POST or None, initial={"title": item.title})
    if request.method == "POST" and form.is_valid():
        services.add_report_paper(
            item=item,
            report=form.instance,
            late=form.cleaned_data["late"],
            priorities=form.cleaned_data["priorities"],
        )
        messages.success(
            request, f"The report “{form.instance.title}” was added to item {item.number}."
        )
        return redirect(item.get_manage_url())
    return _form_page(
        request,
        form,
        title=f"Write a report for item {item.number}",
        caption=item.title,
        crumbs=_meeting_crumbs(item.meeting),
        intro="Reports have the panel's cover sheet: the meeting, title, contact, executive "
        "summary and recommendation, then the body and any appendices.",
        status=400 if form.errors else 200,
    )


@login_required
@permission_required("panel.add_paper", raise_exception=True)
def paper_upload(request, pk):
    item = _item(request, pk)
    form = UploadPaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.add_upload_paper(
                item=item,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                late=form.cleaned_data["late"],
            )
        except InvalidPDF as error:
            form.add_error("file", str(error))
        else:
            message = f"“{paper.title}” was uploaded."
            if paper.upload_removed:
                message += (
                    " Removed from the uploaded file: " + ", ".join(paper.upload_removed) + "."
                )
            messages.success(request, message)
            return redirect(item.get_manage_url())
    return _form_page(
        request,
        form,
        title=f"Upload a PDF for item {item.number}",
        caption=item.title,
        crumbs=_meeting_crumbs(item.meeting),
        intro="Use this for appendices that come as PDFs. Scripts, actions and embedded files "
        "are removed before anyone else sees it; the file as you uploaded it stays private. A "
        "PDF without tags is merged as it is, and the agenda says it may not suit assistive "
        "technology.",
        status=400 if form.errors else 200,
    )


@login_required
@permission_required("panel.add_paper", raise_exception=True)
def paper_publication(request, pk):
    item = _item(request, pk)
    form = PublicationPaperForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.add_publication_paper(
                item=item,
                version=form.cleaned_data["version"],
                title=form.cleaned_data["title"],
                late=form.cleaned_data["late"],
            )
        except NothingToPublish as error:
            form.add_error("version", str(error))
        else:
            messages.success(request, f"“{paper.title}” was added to item {item.number}.")
            return redirect(item.get_manage_url())
    return _form_page(
        request,
        form,
        title=f"Add a published document to item {item.number}",
        caption=item.title,
        crumbs=_meeting_crumbs(item.meeting),
        intro="The pack uses the version you choose, as it was published.",
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
@permission_required("panel.delete_paper", raise_exception=True)
def paper_delete(request, pk):
    paper = get_object_or_404(
        Paper.objects.filter(item__meeting__in=Meeting.objects.visible_to(request.user)), pk=pk
    )
    item = paper.item
    services.remove_paper(paper=paper)
    messages.success(request, f"“{paper.title}” was removed from item {item.number}.")
    return redirect(item.get_manage_url())


@login_required
@permission_required("panel.change_report", raise_exception=True)
def report_edit(request, pk):
    report = get_object_or_404(Report.objects.visible_to(request.user), pk=pk)
    form = ReportForm(request.POST or None, instance=report, with_late=False)
    if request.method == "POST" and form.is_valid():
        services.update_report(report=form.instance, priorities=form.cleaned_data["priorities"])
        messages.success(
            request,
            f"“{report.title}” was saved. The next pack renders it again; other papers are reused.",
        )
        return redirect("panel_manage:meeting", pk=report.meeting_id)
    return _form_page(
        request,
        form,
        title=f"Edit {report.title}",
        crumbs=_meeting_crumbs(report.meeting),
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("panel.publish_agendapack", raise_exception=True)
def pack_paper_withdraw(request, pk):
    """Take one paper of the public pack off the public site; a new pack version without it
    is built, and the members' pack keeps it."""
    paper = get_object_or_404(
        PackPaper.objects.published()
        .filter(item__build__meeting__in=Meeting.objects.visible_to(request.user))
        .select_related("item__build__meeting", "render"),
        pk=pk,
    )
    meeting = paper.item.build.meeting
    form = WithdrawForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        require_reauthentication(request)
        try:
            with transaction.atomic():
                reason = form.cleaned_data["reason"]
                packs.withdraw_paper(paper=paper, by=request.user, reason=reason)
                record_release(
                    meeting,
                    by=request.user,
                    what=f"Paper withdrawn: {paper.title}",
                    at=reauthenticated_at(request),
                )
        except (NothingToPublish, InvalidTransition) as error:
            form.add_error("reason", str(error))
        else:
            messages.success(
                request,
                f"“{paper.title}” was withdrawn from the public pack. A new version of the "
                "pack without it is being built; the members' pack keeps it.",
            )
            return redirect("panel_manage:meeting", pk=meeting.pk)
    return render_withdraw_page(
        request,
        form=form,
        title=paper.title,
        caption=f"Item {paper.item.number}, {meeting.date:%-d %B %Y}",
        back_url=reverse("panel_manage:meeting", kwargs={"pk": meeting.pk}),
        consequences=[
            "Its PDF, and every version of the public pack that carried it, answer “Gone” with "
            "a notice: the title, and “Withdrawn on <date>: <reason>”.",
            "A new version of the public pack is built from the published agenda without it "
            "(never from unpublished changes to the agenda). Members are emailed, and the "
            "members' pack keeps the paper.",
            "Site search drops its text; no later pack of this meeting makes it public again.",
        ],
        status=400 if form.errors else 200,
    )
