"""Staff URLs for offices and who holds them, under /manage/offices/."""

from django.urls import path

from pcc_portal.routes import object_routes

from .views import manage

app_name = "offices_manage"

urlpatterns = [
    *object_routes(
        "", list=manage.office_list, create=manage.office_create, edit=manage.office_edit
    ),
    path("<int:pk>/holders/new/", manage.holding_create, name="holding_create"),
    path("holders/<int:pk>/edit/", manage.holding_edit, name="holding_edit"),
]
