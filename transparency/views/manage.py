"""Staff views: the index items and their documents, the registers, spending uploads and the
forward plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import ENTRY_FORMS, ItemDocumentForm, SpecifiedItemForm, SpendingUploadForm
from ..models import InvalidTransition, ItemDocument, SpecifiedItem, SpendingUpload

TITLES = {
    "interests": "Register of interests",
    "gifts-and-hospitality": "Gifts and hospitality",
    "grants": "Grants",
    "contracts": "Contracts over £10,000",
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


def _item_detail(request, item, form=None, status=200):
    row = next(r for r in selectors.index_rows() if r.item.pk == item.pk)
    action = reverse("transparency_manage:document_create", kwargs={"pk": item.pk})
    return render(
        request,
        "transparency/manage/item.html",
        {
            "item": item,
            "row": row,
            "documents": ItemDocument.objects.visible_to(request.user).filter(item=item),
            "form": form or ItemDocumentForm(action=action),
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
    form = ItemDocumentForm(request.POST, request.FILES, action=action)
    if not form.is_valid():
        return _item_detail(request, item, form=form)
    document = services.publish_document(
        item=item,
        title=form.cleaned_data["title"],
        file=form.cleaned_data["file"],
        published_on=form.cleaned_data["published_on"],
        by=request.user,
    )
    messages.success(request, f"“{document}” is published.")
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
            "entries": model.objects.visible_to(request.user).order_by("-updated_at"),
            "model_name": model._meta.model_name,
            "can_add": request.user.has_perm(_perm(model, "add")),
        },
    )


@login_required
def entry_create(request, register):
    form_class = _entry_form_class(register)
    _require(request, form_class._meta.model, "add")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = services.save_entry(entry=form.instance, by=request.user, reason="Created")
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
def entry_edit(request, register, pk):
    form_class = _entry_form_class(register)
    model = form_class._meta.model
    _require(request, model, "view")
    entry = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    form = form_class(request.POST or None, instance=entry)
    if request.method == "POST":
        _require(request, model, "change")
        if form.is_valid():
            reason = "Corrected" if entry.is_public else "Edited"
            entry = services.save_entry(entry=form.instance, by=request.user, reason=reason)
            messages.success(
                request,
                f"“{entry}” was saved."
                + (" The public sees the correction now." if entry.is_public else ""),
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
            "can_change": request.user.has_perm(_perm(model, "change")),
        },
    )


def _transition(request, register, pk, service, done):
    model = _entry_form_class(register)._meta.model
    _require(request, model, "change")
    entry = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    try:
        entry = service(entry=entry, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"“{entry}” {done}.")
    return redirect("transparency_manage:entry_edit", register=register, pk=pk)


@require_POST
@login_required
def entry_publish(request, register, pk):
    return _transition(request, register, pk, services.publish_entry, "is published")


@require_POST
@login_required
def entry_withdraw(request, register, pk):
    return _transition(
        request, register, pk, services.withdraw_entry, "is withdrawn: the public no longer sees it"
    )


# Spending ------------------------------------------------------------------------------------


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
                    content=file.read(),
                    filename=file.name,
                    by=request.user,
                )
            except services.SpendingFileInvalid as invalid:
                errors, count = invalid.errors, invalid.error_count
                if count > len(errors):
                    listed = (
                        f"{count:,} rows have problems; the first {len(errors)} are listed below"
                    )
                else:
                    listed = f"{count} problem{'s' if count != 1 else ''} to fix (listed below)"
                form.add_error("file", f"The file was not applied: {listed}.")
            else:
                messages.success(
                    request,
                    f"{upload}: {upload.row_count} payments published, "
                    f"{upload.redacted_count} to individuals redacted.",
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
    upload = get_object_or_404(SpendingUpload.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "transparency/manage/spending_detail.html",
        {"upload": upload, "payments": upload.payments.all()},
    )
