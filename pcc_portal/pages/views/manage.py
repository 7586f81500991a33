"""Staff views for content pages: list, create, edit, preview and publish."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import ListView

from pcc_portal.views.drafts import DraftCreateView, DraftUpdateView
from pcc_portal.views.generic import PublishingDetailView, PublishView, VisibleToUser

from ..forms import ContentPageForm
from ..models import ContentPage


class PageListView(PermissionRequiredMixin, VisibleToUser, ListView):
    model = ContentPage
    permission_required = "pages.view_contentpage"
    template_name = "pages/manage/list.html"
    context_object_name = "pages"


class PageCreateView(DraftCreateView):
    permission_required = "pages.add_contentpage"
    form_class = ContentPageForm
    template_name = "pages/manage/form.html"
    change_reason = "Created"


class PageUpdateView(DraftUpdateView):
    model = ContentPage
    permission_required = "pages.change_contentpage"
    form_class = ContentPageForm
    template_name = "pages/manage/form.html"


class PageDetailView(PublishingDetailView):
    permission_required = "pages.view_contentpage"
    model = ContentPage
    template_name = "pages/manage/detail.html"
    context_object_name = "page"
    publish_url_name = "pages_manage:publish"


class PagePublishView(PublishView):
    """The check page, then publishing the page as it is now."""

    permission_required = "pages.publish_contentpage"
    model = ContentPage
