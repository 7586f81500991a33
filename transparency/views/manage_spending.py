"""Staff views of spending: monthly files uploaded, reviewed (redacted where the law requires),
then released or discarded."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pcc_portal.publications.views import reauthenticated_at, require_reauthentication
from pcc_portal.querystring import without_page
from pcc_portal.tables import listed_problems
from pcc_portal.views.decorators import staff
from pcc_portal.views.generic import RemoveView
from pcc_portal.views.steps import refusal_as_message

from .. import services
from ..forms import SpendingReviewForm, SpendingUploadForm
from ..models import SpendingUpload

PREVIEW_PAGE_SIZE = 100


@staff("transparency.view_spendingupload")
def spending(request):
    form = SpendingUploadForm(request.POST or None, request.FILES or None)
    problems = {}
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
                problems = listed_problems(invalid)
                if problems["errors_cut_short"]:
                    listed = (
                        f"; the first {len(problems['error_rows'])} rows with problems are "
                        "listed below"
                    )
                else:
                    listed = ", listed below"
                form.add_error("file", f"The file was not taken: {problems['problems']}{listed}.")
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
            **problems,
            "uploads": SpendingUpload.objects.visible_to(request.user).select_related(
                "uploaded_by"
            ),
        },
        status=400 if form.errors else 200,
    )


@staff("transparency.view_spendingupload")
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
        if not request.user.has_perm("transparency.change_spendingupload"):
            raise PermissionDenied
        if form is None:
            messages.error(request, f"“{upload}” is released: its rows no longer change.")
            return redirect(request.get_full_path())
        if form.is_valid():
            with refusal_as_message(request):
                changed = services.choose_spending_redactions(
                    upload=upload,
                    rows=[payment.pk for payment in page.object_list],
                    redact=form.cleaned_data["redact"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
                messages.success(
                    request,
                    f"Your choices are saved ({len(changed)} row{'s' if len(changed) != 1 else ''} "
                    "changed). Nothing is public until the month is released.",
                )
            return redirect(request.get_full_path())
    return render(
        request,
        "transparency/manage/spending_detail.html",
        {
            "upload": upload,
            "page": page,
            "query": without_page(request.GET),
            "flagged_only": flagged_only,
            "flagged_count": upload.payments.exclude(redaction_flags=[]).count(),
            "form": form,
            "ticked": form.ticked() if form else set(),
            "replaces": SpendingUpload.objects.public().filter(month=upload.month).first()
            if upload.is_draft
            else None,
            "upload_content_type": ContentType.objects.get_for_model(SpendingUpload).pk,
        },
        status=400 if form is not None and form.errors else 200,
    )


@require_POST
@staff("transparency.publish_spendingupload")
def spending_release(request, pk):
    upload = get_object_or_404(SpendingUpload.objects.visible_to(request.user), pk=pk)
    require_reauthentication(request)
    with refusal_as_message(request):
        upload = services.release_spending(
            upload=upload, by=request.user, reauthenticated_at=reauthenticated_at(request)
        )
        messages.success(
            request,
            f"{upload} is released: {upload.row_count} payments are public, "
            f"{upload.redacted_count} of them without the payee's name.",
        )
    return redirect("transparency_manage:spending_detail", pk=upload.pk)


class SpendingDiscardView(RemoveView):
    """Discard a draft month of spending, with every row of it and the choices made on it."""

    permission_required = "transparency.delete_spendingupload"
    model = SpendingUpload
    heading = "Discard the draft of {object.month:%B %Y}"
    button = "Discard this draft"
    consequences = (
        "Every payment of it is deleted, names included, with the choices made on it. The month "
        "can be uploaded again."
    )
    success_message = "The draft of {object.month:%B %Y} is discarded: no row is kept."

    def blocked(self):
        if not self.object.is_draft:
            return f"“{self.object}” is released: it is withdrawn, not discarded."
        return ""

    def remove(self):
        services.discard_spending(upload=self.object, by=self.request.user)

    def get_success_url(self):
        return reverse("transparency_manage:spending")

    def get_crumbs(self):
        return [(reverse("transparency_manage:spending"), "Spending over £500")]


spending_discard = SpendingDiscardView.as_view()
