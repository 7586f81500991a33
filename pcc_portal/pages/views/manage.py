"""Staff views for content pages: list, create, edit, preview and publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.generic import CreateView, ListView, UpdateView

from pcc_portal.publications import services as publishing
from pcc_portal.publications.selectors import publishing_panel
from pcc_portal.publications.views import publish_after_review

from ..forms import ContentPageForm
from ..models import ContentPage


class PageListView(PermissionRequiredMixin, ListView):
    permission_required = "pages.view_contentpage"
    template_name = "pages/manage/list.html"
    context_object_name = "pages"

    def get_queryset(self):
        return ContentPage.objects.visible_to(self.request.user)


class PageCreateView(PermissionRequiredMixin, CreateView):
    permission_required = "pages.add_contentpage"
    form_class = ContentPageForm
    template_name = "pages/manage/form.html"

    def form_valid(self, form):
        form.instance._change_reason = "Created"
        response = super().form_valid(form)
        messages.success(self.request, f"“{self.object}” was saved as a draft.")
        return response

    def get_success_url(self):
        return reverse("pages_manage:detail", kwargs={"pk": self.object.pk})


class PageUpdateView(PermissionRequiredMixin, UpdateView):
    permission_required = "pages.change_contentpage"
    form_class = ContentPageForm
    template_name = "pages/manage/form.html"

    def get_queryset(self):
        return ContentPage.objects.visible_to(self.request.user)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            f"Your changes to “{self.object}” were saved. The public sees them when you publish.",
        )
        return response

    def get_success_url(self):
        return reverse("pages_manage:detail", kwargs={"pk": self.object.pk})


def _detail(request, page):
    context = {
        "page": page,
        "object": page,
        **publishing_panel(
            obj=page,
            user=request.user,
            publish_url=reverse("pages_manage:publish", kwargs={"pk": page.pk}),
            publish_permission="pages.publish_contentpage",
        ),
        "preview_html": publishing.freeze(obj=page)[0],
    }
    return render(request, "pages/manage/detail.html", context)


@login_required
@permission_required("pages.view_contentpage", raise_exception=True)
def page_detail(request, pk):
    page = get_object_or_404(ContentPage.objects.visible_to(request.user), pk=pk)
    return _detail(request, page)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("pages.publish_contentpage", raise_exception=True)
def page_publish(request, pk):
    """The check page, then publishing the page as it is now."""
    page = get_object_or_404(ContentPage.objects.visible_to(request.user), pk=pk)
    return publish_after_review(
        request,
        obj=page,
        publish=lambda data: publishing.publish(
            obj=page, by=request.user, note=data["change_note"]
        ),
    )
