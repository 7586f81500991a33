from django.urls import path

from pcc_portal.routes import object_routes

from .views import images, manage

app_name = "pages_manage"

urlpatterns = [
    *object_routes(
        "",
        list=manage.PageListView,
        create=manage.PageCreateView,
        detail=manage.PageDetailView,
        edit=manage.PageUpdateView,
        publish=manage.PagePublishView,
    ),
    path("images/", images.image_list, name="images"),
]
