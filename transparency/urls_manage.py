"""Staff URLs of the transparency hub, under /manage/transparency/."""

from django.urls import path, register_converter

from pcc_portal.converters import SlugChoiceConverter

from .forms import ENTRY_FORMS
from .views import manage_items, manage_registers, manage_spending

app_name = "transparency_manage"

register_converter(SlugChoiceConverter.of(ENTRY_FORMS), "entry_register")

urlpatterns = [
    path("", manage_items.items, name="items"),
    path("items/<int:pk>/", manage_items.item_detail, name="item"),
    path("items/<int:pk>/edit/", manage_items.ItemUpdateView.as_view(), name="item_edit"),
    path("items/<int:pk>/documents/", manage_items.document_create, name="document_create"),
    path("items/<int:pk>/inspections/", manage_items.inspection_create, name="inspection_create"),
    path("documents/<int:pk>/withdraw/", manage_items.document_withdraw, name="document_withdraw"),
    path(
        "contracts/<int:pk>/<slug:kind>.pdf", manage_registers.contract_copy, name="contract_copy"
    ),
    path("spending/", manage_spending.spending, name="spending"),
    path("spending/<int:pk>/", manage_spending.spending_detail, name="spending_detail"),
    path("spending/<int:pk>/release/", manage_spending.spending_release, name="spending_release"),
    path("spending/<int:pk>/discard/", manage_spending.spending_discard, name="spending_discard"),
    path("<entry_register:register>/", manage_registers.entries, name="entries"),
    path("<entry_register:register>/new/", manage_registers.entry_create, name="entry_create"),
    path("<entry_register:register>/<int:pk>/", manage_registers.entry_edit, name="entry_edit"),
    path(
        "<entry_register:register>/<int:pk>/publish/",
        manage_registers.entry_publish,
        name="entry_publish",
    ),
    path(
        "<entry_register:register>/<int:pk>/withdraw/",
        manage_registers.entry_withdraw,
        name="entry_withdraw",
    ),
]
