"""Staff views for a meeting's agenda: its items in order, their papers (written reports,
uploaded PDFs, papers published elsewhere) and withdrawing a paper from a published pack."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView, UpdateView

from casework.models import Case
from pcc_portal import reordering
from pcc_portal.publications.pdf_safety import InvalidPDF
from pcc_portal.publications.services import NothingToPublish
from pcc_portal.publications.views import WithdrawView
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import RemoveView

from ..forms import AgendaItemForm, PublicationPaperForm, ReportForm, UploadPaperForm
from ..models import Meeting, PackPaper, Paper, Report
from ..services import meetings as services
from ..services import packs
from .manage_meetings import (
    AtItem,
    AtMeeting,
    MeetingFormPage,
    _agenda_items,
    _item,
    _meeting_crumbs,
)


class ItemCreateView(AtMeeting, MeetingFormPage, CreateView):
    form_class = AgendaItemForm
    page_title = "Add an agenda item"
    intro = "It goes before urgent business and the dates of next meetings; move it after."
    success_message = "Item {object.number}, “{object.title}”, was added."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.get_meeting()}

    def save(self, form):
        return services.add_item(meeting=self.get_meeting(), item=form.instance)


item_create = ItemCreateView.as_view()


class ItemUpdateView(MeetingFormPage, UpdateView):
    form_class = AgendaItemForm
    success_message = "Item {object.number} was saved."

    def get_object(self, queryset=None):
        return _item(self.request, self.kwargs["pk"])

    def get_meeting(self):
        return self.object.meeting

    def get_page_title(self):
        return f"Edit item {self.object.number}"


@require_POST
@staff("panel.change_meeting")
def item_move(request, pk):
    item = _item(request, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        raise Http404("That cannot be moved.")
    before = item.number
    services.move_item(item=item, direction=direction)
    item.refresh_from_db()
    moves = item.number != before
    if moves:
        message = f"\u201c{item.title}\u201d is now item {item.number}."
    else:
        message = f"\u201c{item.title}\u201d is already item {item.number}."
    return reordering.answer(
        request,
        moves=moves,
        message=message,
        back=item.get_manage_url(),
        template="panel/manage/_agenda.html",
        context=lambda: {"meeting": item.meeting, "items": _agenda_items(item.meeting)},
        row=f"item-{item.pk}",
    )


class ItemRemoveView(RemoveView):
    """Take an item off the agenda, with its papers, unless its proceedings are recorded."""

    permission_required = "panel.change_meeting"
    heading = "Remove item {object.number}, “{object.title}”, and its papers from the agenda"
    button = "Remove the item"
    success_message = "“{object.title}” was removed from the agenda."

    def get_object(self):
        return _item(self.request, self.kwargs["pk"])

    def blocked(self):
        return services.item_removal_refusal(item=self.object)

    def remove(self):
        services.remove_item(item=self.object)

    def get_consequences(self):
        consequences = (
            "Its papers are removed with it, and the items after it are numbered again. Packs "
            "already published keep it."
        )
        for case in Case.objects.filter(agenda_item=self.object):
            consequences += f" “{case}” stays, no longer linked to an item of this agenda."
        return consequences

    def get_back_url(self):
        return self.object.meeting.get_manage_url()

    def get_crumbs(self):
        return _meeting_crumbs(self.object.meeting)


item_delete = ItemRemoveView.as_view()


class PaperPage(AtItem):
    """A page adding a paper to an agenda item."""

    permission_required = "panel.add_paper"


class PaperReportCreateView(PaperPage, MeetingFormPage, CreateView):
    form_class = ReportForm
    intro = (
        "Reports have the panel's cover sheet: the meeting, title, contact, executive "
        "summary and recommendation, then the body and any appendices."
    )
    success_message = "The report “{object.title}” was added to item {object.item.number}."

    def get_page_title(self):
        return f"Write a report for item {self.get_item().number}"

    def get_initial(self):
        return {"title": self.get_item().title}

    def save(self, form):
        return services.add_report_paper(
            item=self.get_item(),
            report=form.instance,
            late=form.cleaned_data["late"],
            priorities=form.cleaned_data["priorities"],
        )


paper_report_create = PaperReportCreateView.as_view()


class PaperUploadView(PaperPage, MeetingFormPage, FormView):
    form_class = UploadPaperForm
    refused = (InvalidPDF,)
    refused_field = "file"
    intro = (
        "Use this for appendices that come as PDFs. Scripts, actions and embedded files are "
        "removed before anyone else sees it; the file as you uploaded it stays private. A PDF "
        "without tags is merged as it is, and the agenda says it may not suit assistive "
        "technology."
    )

    def get_page_title(self):
        return f"Upload a PDF for item {self.get_item().number}"

    def save(self, form):
        return services.add_upload_paper(
            item=self.get_item(),
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            late=form.cleaned_data["late"],
        )

    def get_success_message(self):
        message = f"“{self.object.title}” was uploaded."
        if self.object.upload_removed:
            message += (
                " Removed from the uploaded file: " + ", ".join(self.object.upload_removed) + "."
            )
        return message


paper_upload = PaperUploadView.as_view()


class PaperPublicationView(PaperPage, MeetingFormPage, FormView):
    form_class = PublicationPaperForm
    refused = (NothingToPublish,)
    refused_field = "version"
    intro = "The pack uses the version you choose, as it was published."
    success_message = "“{object.title}” was added to item {object.item.number}."

    def get_page_title(self):
        return f"Add a published document to item {self.get_item().number}"

    def save(self, form):
        return services.add_publication_paper(
            item=self.get_item(),
            version=form.cleaned_data["version"],
            title=form.cleaned_data["title"],
            late=form.cleaned_data["late"],
        )


paper_publication = PaperPublicationView.as_view()


class PaperRemoveView(RemoveView):
    """Take a paper off its agenda item."""

    permission_required = "panel.delete_paper"
    heading = "Remove “{object.title}” from item {object.item.number}"
    button = "Remove the paper"
    consequences = "The next pack is built without it. Packs already published keep it."
    success_message = "“{object.title}” was removed from item {object.item.number}."

    def get_queryset(self):
        return Paper.objects.filter(
            item__meeting__in=Meeting.objects.visible_to(self.request.user)
        ).select_related("item__meeting")

    def remove(self):
        services.remove_paper(paper=self.object)

    def get_back_url(self):
        return self.object.item.get_manage_url()

    def get_crumbs(self):
        return _meeting_crumbs(self.object.item.meeting)


paper_delete = PaperRemoveView.as_view()


class ReportUpdateView(MeetingFormPage, UpdateView):
    permission_required = "panel.change_report"
    model = Report
    form_class = ReportForm
    success_message = (
        "“{object.title}” was saved. The next pack renders it again; other papers are reused."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "with_late": False}

    def get_meeting(self):
        return self.object.meeting

    def get_page_title(self):
        return f"Edit {self.object.title}"

    def save(self, form):
        return services.update_report(
            report=form.instance, priorities=form.cleaned_data["priorities"]
        )

    def get_success_url(self):
        return self.get_meeting().get_manage_url()


report_edit = ReportUpdateView.as_view()


class PackPaperWithdrawView(WithdrawView):
    """Take one paper of the public pack off the public site; a new pack version without it
    is built, and the members' pack keeps it."""

    permission_required = "panel.publish_agendapack"
    consequences = [
        "Its PDF, and every version of the public pack that carried it, answer “Gone” with "
        "a notice: the title, and “Withdrawn on <date>: <reason>”.",
        "A new version of the public pack is built from the published agenda without it "
        "(never from unpublished changes to the agenda). Members are emailed, and the "
        "members' pack keeps the paper.",
        "Site search drops its text; no later pack of this meeting makes it public again.",
    ]
    release_note = "Paper withdrawn: {object.title}"
    success_message = (
        "“{object.title}” was withdrawn from the public pack. A new version of the pack "
        "without it is being built; the members' pack keeps it."
    )

    def get_object(self):
        # Papers of every pack built, not only the public one, so that a paper withdrawn from
        # another tab is refused in words rather than not found.
        return get_object_or_404(
            PackPaper.objects.in_published_packs()
            .filter(item__exempt=False)
            .filter(item__build__meeting__in=Meeting.objects.visible_to(self.request.user))
            .select_related("item__build__meeting", "render"),
            pk=self.kwargs["pk"],
        )

    def withdraw(self, reason):
        packs.withdraw_paper(paper=self.object, by=self.request.user, reason=reason)

    def get_record_on(self):
        return self.object.item.build.meeting

    def get_title(self):
        return self.object.title

    def get_caption(self):
        return f"Item {self.object.item.number}, {self.get_record_on().date:%-d %B %Y}"

    def get_back_url(self):
        return reverse("panel_manage:meeting", kwargs={"pk": self.get_record_on().pk})


pack_paper_withdraw = PackPaperWithdrawView.as_view()
