"""Staff URLs for content pages, under /manage/pages/."""

from django.urls import path

from .views import images, manage

app_name = "pages_manage"

urlpatterns = [
    path("", manage.PageListView.as_view(), name="list"),
    path("new/", manage.PageCreateView.as_view(), name="create"),
    path("<int:pk>/", manage.PageDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", manage.PageUpdateView.as_view(), name="edit"),
    path("<int:pk>/publish/", manage.PagePublishView.as_view(), name="publish"),
    path("images/", images.image_list, name="images"),
]
