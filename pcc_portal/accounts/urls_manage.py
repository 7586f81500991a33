"""Staff URLs for offices and who holds them, under /manage/offices/."""

from django.urls import path

from .views import manage

app_name = "offices_manage"

urlpatterns = [
    path("", manage.office_list, name="list"),
    path("new/", manage.office_create, name="create"),
    path("<int:pk>/edit/", manage.office_edit, name="edit"),
    path("<int:pk>/holders/new/", manage.holding_create, name="holding_create"),
    path("holders/<int:pk>/edit/", manage.holding_edit, name="holding_edit"),
]
