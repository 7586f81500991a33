"""Staff views for a decision's attached documents, Part 1's and Part 2's, and its Part 2 (the
exempt information, never published)."""

from functools import partial

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import services
from ..attachments import UnsafeAttachment
from ..forms import AttachmentForm, DecisionPart2Form, Part2AttachmentForm
from ..models import DecisionPart2
from .manage import _detail_url, decision_view


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


def _upload_page(request, decision, *, form_class, attach, part, done, back):
    """Upload a PDF to Part 1 or Part 2: the service cleans and inspects it, and what it cannot
    read or clean is refused beside the file field."""
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = attach(
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                by=request.user,
            )
        except UnsafeAttachment as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _attached_message(attachment, done))
            return redirect(back)
    return render(
        request,
        "decisions/manage/attachment_form.html",
        {"decision": decision, "form": form, "part": part},
        status=400 if form.errors else 200,
    )


@decision_view("decisions.change_decision", editable=True)
def attachment_add(request, decision):
    return _upload_page(
        request,
        decision,
        form_class=AttachmentForm,
        attach=partial(services.add_attachment, decision=decision),
        part="Part 1",
        done="was attached",
        back=_detail_url(decision),
    )


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


@decision_view("decisions.change_decisionpart2", editable=True)
def part2_edit(request, decision):
    instance = DecisionPart2.objects.filter(decision=decision).first()
    form = DecisionPart2Form(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_part2(decision=decision, part2=form.save(commit=False), by=request.user)
        messages.success(request, "Part 2 was saved. It is never published.")
        return redirect("decisions_manage:part2", pk=decision.pk)
    return render(
        request,
        "decisions/manage/part2_form.html",
        {"decision": decision, "form": form},
        status=400 if form.errors else 200,
    )


@decision_view("decisions.change_decisionpart2", editable=True)
def part2_attachment_add(request, decision):
    part2 = _part2_or_404(request, decision)
    return _upload_page(
        request,
        decision,
        form_class=Part2AttachmentForm,
        attach=partial(services.add_part2_attachment, part2=part2),
        part="Part 2",
        done="was attached to Part 2",
        back=_part2_url(decision),
    )


# --- downloading and removing an attachment, of Part 1 or Part 2 --------------------------------
def _download_view(permission, attachments, *, private=False):
    """A staff download of one of ``attachments(request, decision)``; a Part 2 document is
    ``private``: no cache keeps it."""

    @decision_view(permission)
    def view(request, decision, attachment_pk):
        document = get_object_or_404(attachments(request, decision), pk=attachment_pk)
        response = FileResponse(document.file.open("rb"), content_type="application/pdf")
        if private:
            response["Cache-Control"] = "private, no-store"
        return response

    return view


def _delete_view(permission, attachments, *, removed, back):
    """Remove one of ``attachments(request, decision)`` while the decision is editable, then
    go ``back(decision)`` saying it was ``removed``."""

    @require_POST
    @decision_view(permission, editable=True)
    def view(request, decision, attachment_pk):
        document = get_object_or_404(attachments(request, decision), pk=attachment_pk)
        services.remove_attachment(decision=decision, attachment=document, by=request.user)
        messages.success(request, f"\u201c{document.title}\u201d {removed}")
        return redirect(back(decision))

    return view


def _part1_attachments(request, decision):
    return decision.attachments


def _part2_attachments(request, decision):
    return _part2_or_404(request, decision).attachments


def _part2_url(decision):
    return reverse("decisions_manage:part2", kwargs={"pk": decision.pk})


attachment_download = _download_view("decisions.view_decision", _part1_attachments)
attachment_delete = _delete_view(
    "decisions.change_decision", _part1_attachments, removed="was removed.", back=_detail_url
)
part2_attachment_download = _download_view(
    "decisions.view_decisionpart2", _part2_attachments, private=True
)
part2_attachment_delete = _delete_view(
    "decisions.change_decisionpart2",
    _part2_attachments,
    removed="was removed from Part 2.",
    back=_part2_url,
)
