"""Staff URLs for offices and who holds them, under /manage/offices/."""

from django.urls import path

from .views import manage

app_name = "offices_manage"

urlpatterns = [
    path("", manage.office_list, name="list"),
    path("new/", manage.OfficeCreateView.as_view(), name="create"),
    path("<int:pk>/edit/", manage.OfficeUpdateView.as_view(), name="edit"),
    path("<int:pk>/holders/new/", manage.HoldingCreateView.as_view(), name="holding_create"),
    path("holders/<int:pk>/edit/", manage.HoldingUpdateView.as_view(), name="holding_edit"),
]
