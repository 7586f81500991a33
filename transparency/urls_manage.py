"""Staff URLs of the transparency hub, under /manage/transparency/."""

from django.urls import path, re_path

from .forms import ENTRY_FORMS
from .views import manage

app_name = "transparency_manage"

_registers = "|".join(ENTRY_FORMS)

urlpatterns = [
    path("", manage.items, name="items"),
    path("items/<int:pk>/", manage.item_detail, name="item"),
    path("items/<int:pk>/edit/", manage.item_edit, name="item_edit"),
    path("items/<int:pk>/documents/", manage.document_create, name="document_create"),
    path("items/<int:pk>/inspections/", manage.inspection_create, name="inspection_create"),
    path("documents/<int:pk>/withdraw/", manage.document_withdraw, name="document_withdraw"),
    path("contracts/<int:pk>/<slug:kind>.pdf", manage.contract_copy, name="contract_copy"),
    path("spending/", manage.spending, name="spending"),
    path("spending/<int:pk>/", manage.spending_detail, name="spending_detail"),
    path("spending/<int:pk>/release/", manage.spending_release, name="spending_release"),
    path("spending/<int:pk>/discard/", manage.spending_discard, name="spending_discard"),
    re_path(rf"^(?P<register>{_registers})/$", manage.entries, name="entries"),
    re_path(rf"^(?P<register>{_registers})/new/$", manage.entry_create, name="entry_create"),
    re_path(rf"^(?P<register>{_registers})/(?P<pk>[0-9]+)/$", manage.entry_edit, name="entry_edit"),
    re_path(
        rf"^(?P<register>{_registers})/(?P<pk>[0-9]+)/publish/$",
        manage.entry_publish,
        name="entry_publish",
    ),
    re_path(
        rf"^(?P<register>{_registers})/(?P<pk>[0-9]+)/withdraw/$",
        manage.entry_withdraw,
        name="entry_withdraw",
    ),
]
