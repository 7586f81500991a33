"""Staff views for a decision's attached documents, Part 1's and Part 2's, and its Part 2 (the
exempt information, never published)."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views.generic import FormView, UpdateView

from pcc_portal.publications.pdf_safety import InvalidPDF
from pcc_portal.publications.responses import pdf_response
from pcc_portal.views.generic import RemoveView

from .. import services
from ..forms import AttachmentForm, DecisionPart2Form, Part2AttachmentForm
from ..models import DecisionPart2
from .manage import AtDecision, DecisionFormPage, _detail_url, decision_view


# --- Part 1 attachments -------------------------------------------------------------------------
def _attached_message(attachment, done):
    message = f"\u201c{attachment.title}\u201d {done}."
    if attachment.removed:
        message += f" Removed from it before anyone sees it: {', '.join(attachment.removed)}."
    if not attachment.tagged:
        message += (
            " It is not a tagged PDF, so it may not suit assistive technology: the check page "
            "will say so."
        )
    return message


class _AttachmentAdd:
    """Upload a PDF to one part of a decision: the service cleans and inspects it, and what it
    cannot read or clean is refused beside the file field. Set ``part``, ``done`` (the
    message's words) and ``attach(**upload)``, the part's service."""

    http_method_names = ["get", "post"]
    editable = True
    template_name = "decisions/manage/attachment_form.html"
    refused = (InvalidPDF,)
    refused_field = "file"
    part = ""
    done = ""

    def save(self, form):
        return self.attach(
            title=form.cleaned_data["title"], upload=form.cleaned_data["file"], by=self.request.user
        )

    def get_success_message(self):
        return _attached_message(self.object, self.done)

    def get_success_url(self):
        return _detail_url(self.decision)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "part": self.part}


class AttachmentAddView(_AttachmentAdd, DecisionFormPage, FormView):
    """Upload a PDF to Part 1."""

    permission_required = "decisions.change_decision"
    form_class = AttachmentForm
    part = "Part 1"
    done = "was attached"

    def attach(self, **upload):
        return services.add_attachment(decision=self.decision, **upload)


attachment_add = AttachmentAddView.as_view()


# --- Part 2 -------------------------------------------------------------------------------------
def _part2_or_404(request, decision):
    return get_object_or_404(DecisionPart2.objects.visible_to(request.user), decision=decision)


@decision_view("decisions.view_decisionpart2")
def part2_detail(request, decision):
    part2 = DecisionPart2.objects.visible_to(request.user).filter(decision=decision).first()
    return render(
        request,
        "decisions/manage/part2.html",
        {"decision": decision, "part2": part2},
    )


class Part2EditView(DecisionFormPage, UpdateView):
    """Part 2 of a decision: the exempt information, written or changed while it is a draft."""

    permission_required = "decisions.change_decisionpart2"
    editable = True
    form_class = DecisionPart2Form
    template_name = "decisions/manage/part2_form.html"
    success_message = "Part 2 was saved. It is never published."

    def get_object(self, queryset=None):
        return DecisionPart2.objects.filter(decision=self.decision).first()  # None: not yet

    def save(self, form):
        return services.save_part2(
            decision=self.decision, part2=self.edited(form), by=self.request.user
        )

    def get_success_url(self):
        return _part2_url(self.decision)


part2_edit = Part2EditView.as_view()


class Part2AttachmentAddView(_AttachmentAdd, DecisionFormPage, FormView):
    """Upload a PDF to Part 2, once Part 2 is written (404 before)."""

    permission_required = "decisions.change_decisionpart2"
    form_class = Part2AttachmentForm
    part = "Part 2"
    done = "was attached to Part 2"

    @cached_property
    def part2(self):
        """What is attached to: there is nothing to attach to before Part 2 is written."""
        return _part2_or_404(self.request, self.decision)

    def attach(self, **upload):
        return services.add_part2_attachment(part2=self.part2, **upload)

    def get_success_url(self):
        return _part2_url(self.decision)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "part2": self.part2}


part2_attachment_add = Part2AttachmentAddView.as_view()


# --- downloading and removing an attachment, of Part 1 or Part 2 --------------------------------
def _download_view(permission, attachments, *, private=False):
    """A staff download of one of ``attachments(request, decision)``; a Part 2 document is
    ``private``: no cache keeps it."""

    @decision_view(permission)
    def view(request, decision, attachment_pk):
        document = get_object_or_404(attachments(request, decision), pk=attachment_pk)
        response = pdf_response(
            document.file.open("rb"), filename=f"{slugify(document.title) or 'attachment'}.pdf"
        )
        if private:
            response["Cache-Control"] = "private, no-store"
        return response

    return view


class AttachmentRemoveView(AtDecision, RemoveView):
    """Remove one PDF attached to a draft decision: one of ``attachments(request, decision)``
    (Part 1's or Part 2's), then back to ``back(decision)``."""

    editable = True
    pk_url_kwarg = "attachment_pk"  # "pk" names the decision
    attachments = None
    back = None
    button = "Remove the document"
    consequences = "The decision is submitted and published without it."

    def get_queryset(self):
        return self.attachments(self.request, self.decision)

    def remove(self):
        services.remove_attachment(
            decision=self.decision, attachment=self.object, by=self.request.user
        )

    def get_back_url(self):
        return self.back(self.decision)

    def get_caption(self):
        return self.decision.title

    def get_crumbs(self):
        return [
            (reverse("decisions_manage:list"), "Decisions"),
            (_detail_url(self.decision), self.decision.title),
        ]


def _part1_attachments(request, decision):
    return decision.attachments


def _part2_attachments(request, decision):
    return _part2_or_404(request, decision).attachments


def _part2_url(decision):
    return reverse("decisions_manage:part2", kwargs={"pk": decision.pk})


attachment_download = _download_view("decisions.view_decision", _part1_attachments)
attachment_delete = AttachmentRemoveView.as_view(
    permission_required="decisions.change_decision",
    attachments=_part1_attachments,
    back=_detail_url,
    heading="Remove “{object.title}” from the decision",
    success_message="“{object.title}” was removed.",
)
part2_attachment_download = _download_view(
    "decisions.view_decisionpart2", _part2_attachments, private=True
)
part2_attachment_delete = AttachmentRemoveView.as_view(
    permission_required="decisions.change_decisionpart2",
    attachments=_part2_attachments,
    back=_part2_url,
    heading="Remove “{object.title}” from Part 2",
    success_message="“{object.title}” was removed from Part 2.",
)
