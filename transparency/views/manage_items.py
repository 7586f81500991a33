"""Staff views of the Specified Information index: its items, their documents and the HMICFRS
inspection reports recorded against them."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import UpdateView

from pcc_portal.publications.views import WithdrawView
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import FormPage

from .. import selectors, services
from ..documents import UnfitDocument
from ..forms import InspectionReportForm, ItemDocumentForm, SpecifiedItemForm
from ..models import InspectionReport, ItemDocument, SpecifiedItem


@staff("transparency.view_specifieditem")
def items(request):
    rows = selectors.index_rows()
    return render(
        request,
        "transparency/manage/items.html",
        {
            "sections": selectors.index_sections(rows=rows),
            "counts": selectors.status_counts(rows=rows),
        },
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
            .select_related("inspection", "withdrawal_notice"),
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


@staff("transparency.view_specifieditem")
def item_detail(request, pk):
    return _item_detail(request, get_object_or_404(SpecifiedItem, pk=pk))


class ItemUpdateView(PermissionRequiredMixin, FormPage, UpdateView):
    permission_required = "transparency.change_specifieditem"
    model = SpecifiedItem
    form_class = SpecifiedItemForm
    template_name = "transparency/manage/form.html"
    change_reason = "Edited"

    def get_page_title(self):
        return f"Edit {self.object}"

    def get_crumbs(self):
        return [(reverse("transparency_manage:items"), "Specified Information index")]

    def get_success_url(self):
        return reverse("transparency_manage:item", kwargs={"pk": self.object.pk})


@require_POST
@staff("transparency.add_itemdocument")
def document_create(request, pk):
    item = get_object_or_404(SpecifiedItem, pk=pk)
    action = reverse("transparency_manage:document_create", kwargs={"pk": item.pk})
    form = ItemDocumentForm(request.POST, request.FILES, action=action, item=item)
    if not form.is_valid():
        return _item_detail(request, item, form=form, status=400)
    try:
        document = services.publish_document(
            item=item,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
            period_from=form.cleaned_data["period_from"],
            period_to=form.cleaned_data["period_to"],
            inspection=form.cleaned_data.get("inspection"),
            by=request.user,
        )
    except UnfitDocument as error:
        form.add_error("file", str(error))
        return _item_detail(request, item, form=form, status=400)
    messages.success(request, f"“{document}” is published.")
    return redirect("transparency_manage:item", pk=item.pk)


@require_POST
@staff("transparency.add_inspectionreport")
def inspection_create(request, pk):
    """Record an HMICFRS report, from the page of the PEEL item or of the responses item."""
    item = get_object_or_404(
        SpecifiedItem, pk=pk, code__in=[selectors.PEEL_ITEM, selectors.RESPONSES_ITEM]
    )
    action = reverse("transparency_manage:inspection_create", kwargs={"pk": item.pk})
    form = InspectionReportForm(request.POST, action=action)
    if not form.is_valid():
        return _item_detail(request, item, inspection_form=form, status=400)
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


class DocumentWithdrawView(WithdrawView):
    """Take a document of the index off the public site, as everything published is taken off:
    with the reason the public is told, once the staff member re-authenticated."""

    permission_required = "transparency.change_itemdocument"
    model = ItemDocument
    caption = "Document of the transparency index"
    consequences = [
        "Its address answers “Gone” with a notice: the title, and “Withdrawn on <date>: <reason>”.",
        "The index no longer links to it; its item is dated by the documents still published.",
        "Its file moves out of the public file store into the private one, where only staff "
        "can open it.",
    ]

    def withdraw(self, reason):
        services.withdraw_document(document=self.object, by=self.request.user, reason=reason)

    def get_back_url(self):
        return reverse("transparency_manage:item", kwargs={"pk": self.object.item_id})


document_withdraw = DocumentWithdrawView.as_view()
