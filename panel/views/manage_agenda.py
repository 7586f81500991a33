"""Staff views for a meeting's agenda: its items in order, their papers (written reports,
uploaded PDFs, papers published elsewhere) and withdrawing a paper from a published pack."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import UpdateView

from pcc_portal import reordering
from pcc_portal.publications.forms import WithdrawForm
from pcc_portal.publications.pdf_safety import InvalidPDF
from pcc_portal.publications.services import NothingToPublish
from pcc_portal.publications.views import (
    render_withdraw_page,
    withdrawn_with_reason,
)

from ..forms import AgendaItemForm, PublicationPaperForm, ReportForm, UploadPaperForm
from ..models import AgendaItem, Meeting, PackPaper, Paper, Report
from ..services import meetings as services
from ..services import packs
from .manage_meetings import MeetingFormPage, _agenda_items, _form_page, _meeting, _meeting_crumbs


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


class ItemUpdateView(MeetingFormPage, UpdateView):
    form_class = AgendaItemForm
    success_message = "Item {object.number} was saved."

    def get_queryset(self):
        return AgendaItem.objects.filter(
            meeting__in=Meeting.objects.visible_to(self.request.user)
        ).select_related("meeting")

    def get_meeting(self):
        return self.object.meeting

    def get_page_title(self):
        return f"Edit item {self.object.number}"


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
    if withdrawn_with_reason(
        request,
        form,
        withdraw=lambda reason: packs.withdraw_paper(paper=paper, by=request.user, reason=reason),
        record_on=meeting,
        what=f"Paper withdrawn: {paper.title}",
    ):
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
