"""Staff view for images: upload one, and copy the Markdown that puts it in a document."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse_lazy
from django.views.generic import FormView

from pcc_portal.views.generic import FormPage

from ..forms import ImageUploadForm
from ..images import Image, upload_image


class ImageListView(PermissionRequiredMixin, FormPage, FormView):
    """The images uploaded so far, under the form that uploads another."""

    http_method_names = ["get", "post"]
    permission_required = "pages.add_image"
    form_class = ImageUploadForm
    template_name = "pages/manage/images.html"
    success_url = reverse_lazy("pages_manage:images")

    def save(self, form):
        return upload_image(
            file=form.cleaned_data["file"],
            alt_text=form.cleaned_data["alt_text"],
            uploaded_by=self.request.user,
        )

    def get_success_message(self):
        return f"“{self.object.alt_text}” was uploaded. Copy its Markdown into a document."

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "images": Image.objects.select_related("uploaded_by"),
        }


image_list = ImageListView.as_view()
