"""Staff view for images: upload one, and copy the Markdown that puts it in a document."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from pcc_portal.views.decorators import staff

from ..forms import ImageUploadForm
from ..images import Image, upload_image


@require_http_methods(["GET", "POST"])
@staff("pages.add_image")
def image_list(request):
    form = ImageUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        image = upload_image(
            file=form.cleaned_data["file"],
            alt_text=form.cleaned_data["alt_text"],
            uploaded_by=request.user,
        )
        messages.success(
            request, f"“{image.alt_text}” was uploaded. Copy its Markdown into a document."
        )
        return redirect("pages_manage:images")
    images = Image.objects.select_related("uploaded_by")
    return render(
        request,
        "pages/manage/images.html",
        {"form": form, "images": images},
        status=400 if form.errors else 200,
    )
