"""Staff views: the index items and their documents, the registers, spending uploads (reviewed,
then released) and the forward plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.forms import WithdrawForm
from pcc_portal.publications.selectors import publishing_panel
from pcc_portal.publications.services import NothingToPublish, record_release
from pcc_portal.publications.views import (
    publish_after_review,
    reauthenticated_at,
    render_withdraw_page,
    require_reauthentication,
)

from .. import selectors, services
from ..forms import (
    ENTRY_FORMS,
    InspectionReportForm,
    ItemDocumentForm,
    SpecifiedItemForm,
    SpendingReviewForm,
    SpendingUploadForm,
)
from ..models import (
    Contract,
    ContractCopy,
    InspectionReport,
    ItemDocument,
    SpecifiedItem,
    SpendingUpload,
)

TITLES = {
    "interests": "Register of interests",
    "gifts-and-hospitality": "Gifts and hospitality",
    "grants": "Grants",
    "contracts": "Contracts over £10,000",
    "small-contracts": "Contracts of £10,000 or less",
    "forward-plan": "Forward plan",
}


def _perm(model, action):
    return f"transparency.{action}_{model._meta.model_name}"


def _require(request, model, action):
    if not request.user.has_perm(_perm(model, action)):
        raise PermissionDenied


def _entry_form_class(register):
    form_class = ENTRY_FORMS.get(register)
    if form_class is None:
        raise Http404("No such register.")
    return form_class


# Index items ---------------------------------------------------------------------------------


@login_required
@permission_required("transparency.view_specifieditem", raise_exception=True)
def items(request):
    rows = selectors.index_rows()
    return render(
        request,
        "transparency/manage/items.html",
        {"sections": selectors.index_sections(rows), "counts": selectors.status_counts(rows)},
    )


def _item_detail(request, item, form=None, inspection_form=None, status=200):
    row = next(r for r in selectors.index_rows() if r.item.pk == item.pk)
    action = reverse("transparency_manage:document_create", kwargs={"pk": item.pk})
    inspection_action = reverse("transparency_manage:inspection_create", kwargs={"pk": item.pk})
    reads_inspections = item.code in (selectors.PEEL_ITEM, selectors.RESPONSES_ITEM)
    return render(
        request,
        "transparency/manage/item.html",
        {
            "item": item,
            "row": row,
            "documents": ItemDocument.objects.visible_to(request.user)
            .filter(item=item)
            .select_related("inspection"),
            "form": form or ItemDocumentForm(action=action, item=item),
            "inspections": InspectionReport.objects.all() if reads_inspections else None,
            "inspection_form": (
                (inspection_form or InspectionReportForm(action=inspection_action))
                if reads_inspections
                else None
            ),
        },
        status=status,
    )


@login_required
@permission_required("transparency.view_specifieditem", raise_exception=True)
def item_detail(request, pk):
    return _item_detail(request, get_object_or_404(SpecifiedItem, pk=pk))


@login_required
@permission_required("transparency.change_specifieditem", raise_exception=True)
def item_edit(request, pk):
    item = get_object_or_404(SpecifiedItem, pk=pk)
    form = SpecifiedItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item._change_reason = "Edited"
        item.save()
        messages.success(request, f"“{item}” was saved.")
        return redirect("transparency_manage:item", pk=item.pk)
    return render(
        request,
        "transparency/manage/form.html",
        {"form": form, "object": item, "heading": f"Edit {item}", "back": "items"},
    )


@require_POST
@login_required
@permission_required("transparency.add_itemdocument", raise_exception=True)
def document_create(request, pk):
    item = get_object_or_404(SpecifiedItem, pk=pk)
    action = reverse("transparency_manage:document_create", kwargs={"pk": item.pk})
    form = ItemDocumentForm(request.POST, request.FILES, action=action, item=item)
    if not form.is_valid():
        return _item_detail(request, item, form=form)
    document = services.publish_document(
        item=item,
        title=form.cleaned_data["title"],
        file=form.cleaned_data["file"],
        period_from=form.cleaned_data["period_from"],
        period_to=form.cleaned_data["period_to"],
        inspection=form.cleaned_data.get("inspection"),
        by=request.user,
    )
    messages.success(request, f"“{document}” is published.")
    return redirect("transparency_manage:item", pk=item.pk)


@require_POST
@login_required
@permission_required("transparency.add_inspectionreport", raise_exception=True)
def inspection_create(request, pk):
    """Record an HMICFRS report, from the page of the PEEL item or of the responses item."""
    item = get_object_or_404(
        SpecifiedItem, pk=pk, code__in=[selectors.PEEL_ITEM, selectors.RESPONSES_ITEM]
    )
    action = reverse("transparency_manage:inspection_create", kwargs={"pk": item.pk})
    form = InspectionReportForm(request.POST, action=action)
    if not form.is_valid():
        return _item_detail(request, item, inspection_form=form)
    report = services.record_inspection(
        title=form.cleaned_data["title"],
        kind=form.cleaned_data["kind"],
        published_on=form.cleaned_data["published_on"],
        url=form.cleaned_data["url"],
        by=request.user,
    )
    messages.success(
        request,
        f"“{report}” is recorded: the Commissioner's comments on it are due by "
        f"{report.response_due_on:%-d %B %Y}.",
    )
    return redirect("transparency_manage:item", pk=item.pk)


@require_POST
@login_required
@permission_required("transparency.change_itemdocument", raise_exception=True)
def document_withdraw(request, pk):
    document = get_object_or_404(ItemDocument.objects.visible_to(request.user), pk=pk)
    try:
        services.withdraw_document(document=document, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"“{document}” is withdrawn: the public no longer sees it.")
    return redirect("transparency_manage:item", pk=document.item_id)


# Register entries and the forward plan -------------------------------------------------------


@login_required
def entries(request, register):
    form_class = _entry_form_class(register)
    model = form_class._meta.model
    _require(request, model, "view")
    return render(
        request,
        "transparency/manage/entries.html",
        {
            "register": register,
            "title": TITLES[register],
            "entries": model.objects.visible_to(request.user)
            .with_release_state()
            .order_by("-updated_at"),
            "model_name": model._meta.model_name,
            "can_add": request.user.has_perm(_perm(model, "add")),
        },
    )


@login_required
def entry_create(request, register):
    form_class = _entry_form_class(register)
    _require(request, form_class._meta.model, "add")
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        entry = services.save_entry(
            entry=form.save(commit=False), by=request.user, reason="Created"
        )
        messages.success(request, f"“{entry}” was saved as a draft.")
        return redirect("transparency_manage:entry_edit", register=register, pk=entry.pk)
    return render(
        request,
        "transparency/manage/form.html",
        {
            "form": form,
            "heading": f"Add to {TITLES[register].lower()}",
            "register": register,
            "title": TITLES[register],
        },
    )


@login_required
def contract_copy(request, pk, kind):
    """A contract's copy as it is now, a draft's included, for staff who may see the entry:
    the private store has no address of its own (the public reads the released copy)."""
    _require(request, Contract, "view")
    if kind not in ContractCopy.values:
        raise Http404("No such document.")
    entry = get_object_or_404(Contract.objects.visible_to(request.user), pk=pk)
    file = entry.copy_file(kind)
    if not file:
        raise Http404("No copy has been uploaded.")
    return FileResponse(
        file.open("rb"),
        content_type="application/pdf",
        filename=f"contract-{slugify(entry.reference) or pk}-{kind}.pdf",
        as_attachment=False,
    )


@login_required
def entry_edit(request, register, pk):
    form_class = _entry_form_class(register)
    model = form_class._meta.model
    _require(request, model, "view")
    entry = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    form = form_class(request.POST or None, request.FILES or None, instance=entry)
    if request.method == "POST":
        _require(request, model, "change")
        if form.is_valid():
            released = entry.live_version() is not None
            entry = services.save_entry(
                entry=form.save(commit=False), by=request.user, reason="Edited"
            )
            messages.success(
                request,
                f"“{entry}” was saved."
                + (
                    " The public still sees the last release: release it again to publish "
                    "the change."
                    if released
                    else " Nothing is public until it is released."
                ),
            )
            return redirect("transparency_manage:entry_edit", register=register, pk=entry.pk)
    return render(
        request,
        "transparency/manage/form.html",
        {
            "form": form,
            "object": entry,
            "heading": f"Edit {entry}",
            "register": register,
            "title": TITLES[register],
            "model_name": model._meta.model_name,
            **publishing_panel(
                obj=entry,
                user=request.user,
                publish_url=reverse(
                    "transparency_manage:entry_publish", kwargs={"register": register, "pk": pk}
                ),
                publish_permission=_perm(model, "publish"),
            ),
            "withdraw_form": WithdrawForm(
                action=reverse(
                    "transparency_manage:entry_withdraw", kwargs={"register": register, "pk": pk}
                )
            ),
        },
    )


def _entry(request, register, action):
    model = _entry_form_class(register)._meta.model
    _require(request, model, action)
    return model


@require_http_methods(["GET", "POST"])
@login_required
def entry_publish(request, register, pk):
    """The check page for releasing an entry: every field as the public will read it."""
    model = _entry(request, register, "publish")
    entry = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    return publish_after_review(
        request,
        obj=entry,
        publish=lambda data: services.release_entry(
            entry=entry, by=request.user, note=data["change_note"]
        ),
        review=lambda: selectors.release_review(entry),
        published_message=lambda version: (
            f"“{entry}” is released: the public sees version {version.number} now."
        ),
    )


@require_http_methods(["GET", "POST"])
@login_required
def entry_withdraw(request, register, pk):
    """Withdraw a released entry with the reason the public is told."""
    model = _entry(request, register, "publish")
    entry = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    form = WithdrawForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        require_reauthentication(request)
        try:
            with transaction.atomic():
                reason = form.cleaned_data["reason"]
                services.withdraw_entry(entry=entry, by=request.user, reason=reason)
                record_release(
                    entry,
                    by=request.user,
                    what=f"Withdrawn: {reason}",
                    at=reauthenticated_at(request),
                )
        except (InvalidTransition, NothingToPublish) as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, f"“{entry}” is withdrawn: the public no longer sees it.")
            return redirect(entry.get_manage_url())
    return render_withdraw_page(
        request,
        form=form,
        title=str(entry),
        caption=TITLES[register],
        back_url=entry.get_manage_url(),
        consequences=[
            "The register page, its CSV and JSON, site search, the feeds and the sitemap drop "
            "it at once.",
            "Its releases are kept for the record and never public again. To publish it again, "
            "release it again from its page, with a change note.",
        ],
        status=400 if form.errors else 200,
    )


# Spending ------------------------------------------------------------------------------------

PREVIEW_PAGE_SIZE = 100


@login_required
@permission_required("transparency.view_spendingupload", raise_exception=True)
def spending(request):
    form = SpendingUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST":
        if not request.user.has_perm("transparency.add_spendingupload"):
            raise PermissionDenied
        if form.is_valid():
            file = form.cleaned_data["file"]
            try:
                upload = services.upload_spending(
                    month=form.cleaned_data["month"],
                    source=form.cleaned_data["source"],
                    content=file.read(),
                    filename=file.name,
                    by=request.user,
                )
            except services.SpendingDraftExists as exists:
                form.add_error(
                    "month",
                    f"{exists.draft.month:%B %Y} already has a draft, uploaded by "
                    f"{exists.draft.uploaded_by} on {exists.draft.uploaded_at:%-d %B %Y}: "
                    "release it or discard it first.",
                )
            except services.SpendingFileInvalid as invalid:
                errors, count = invalid.errors, invalid.error_count
                if count > len(errors):
                    listed = (
                        f"{count:,} rows have problems; the first {len(errors)} are listed below"
                    )
                else:
                    listed = f"{count} problem{'s' if count != 1 else ''} to fix (listed below)"
                form.add_error("file", f"The file was not taken: {listed}.")
            else:
                flagged = upload.redacted_count
                messages.success(
                    request,
                    f"{upload}: {upload.row_count} payments uploaded as a draft. Nothing is "
                    f"public yet. {flagged} row{'s are' if flagged != 1 else ' is'} flagged for "
                    "redaction: check every row, then release the month.",
                )
                return redirect("transparency_manage:spending_detail", pk=upload.pk)
    return render(
        request,
        "transparency/manage/spending.html",
        {
            "form": form,
            "row_errors": errors,
            "uploads": SpendingUpload.objects.visible_to(request.user).select_related(
                "uploaded_by"
            ),
        },
    )


@login_required
@permission_required("transparency.view_spendingupload", raise_exception=True)
def spending_detail(request, pk):
    """A released upload's rows; a draft's rows as a preview, where staff choose, page by page,
    which payees are redacted before the month is released."""
    upload = get_object_or_404(
        SpendingUpload.objects.visible_to(request.user).select_related("uploaded_by"), pk=pk
    )
    flagged_only = request.GET.get("show") == "flagged"
    payments = upload.payments.order_by("row_number")
    if flagged_only:
        payments = payments.exclude(redaction_flags=[])
    page = Paginator(payments, PREVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    form = None
    if upload.is_draft:
        form = SpendingReviewForm(request.POST or None, payments=page.object_list)
    if request.method == "POST":
        _require(request, SpendingUpload, "change")
        if form is None:
            messages.error(request, f"“{upload}” is released: its rows no longer change.")
            return redirect(request.get_full_path())
        if form.is_valid():
            try:
                changed = services.choose_spending_redactions(
                    upload=upload,
                    rows=[payment.pk for payment in page.object_list],
                    redact=form.cleaned_data["redact"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except InvalidTransition as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    f"Your choices are saved ({len(changed)} row{'s' if len(changed) != 1 else ''} "
                    "changed). Nothing is public until the month is released.",
                )
            return redirect(request.get_full_path())
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "transparency/manage/spending_detail.html",
        {
            "upload": upload,
            "page": page,
            "query": query.urlencode(),
            "flagged_only": flagged_only,
            "flagged_count": upload.payments.exclude(redaction_flags=[]).count(),
            "form": form,
            "ticked": form.ticked() if form else set(),
            "replaces": SpendingUpload.objects.public().filter(month=upload.month).first()
            if upload.is_draft
            else None,
            "upload_content_type": ContentType.objects.get_for_model(SpendingUpload).pk,
        },
    )


@require_POST
@login_required
@permission_required("transparency.publish_spendingupload", raise_exception=True)
def spending_release(request, pk):
    upload = get_object_or_404(SpendingUpload.objects.visible_to(request.user), pk=pk)
    require_reauthentication(request)
    try:
        with transaction.atomic():
            upload = services.release_spending(upload=upload, by=request.user)
            record_release(upload, by=request.user, what="Released", at=reauthenticated_at(request))
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"{upload} is released: {upload.row_count} payments are public, "
            f"{upload.redacted_count} of them without the payee's name.",
        )
    return redirect("transparency_manage:spending_detail", pk=upload.pk)


@require_POST
@login_required
@permission_required("transparency.delete_spendingupload", raise_exception=True)
def spending_discard(request, pk):
    upload = get_object_or_404(SpendingUpload.objects.visible_to(request.user), pk=pk)
    try:
        services.discard_spending(upload=upload, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
        return redirect("transparency_manage:spending_detail", pk=upload.pk)
    messages.success(request, f"The draft of {upload.month:%B %Y} is discarded: no row is kept.")
    return redirect("transparency_manage:spending")
