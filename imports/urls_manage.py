"""Staff pages for imports from other systems."""

from django.urls import path, register_converter

from pcc_portal.converters import SlugChoiceConverter

from . import views
from .registers import IMPORTABLE

register_converter(SlugChoiceConverter.of(IMPORTABLE), "importable_register")
register_converter(SlugChoiceConverter.of(["csv", "xlsx"]), "template_format")

app_name = "imports"

urlpatterns = [
    path("", views.RunListView.as_view(), name="runs"),
    path("runs/<int:pk>/", views.RunDetailView.as_view(), name="run"),
    path("decisions/", views.DecisionImportListView.as_view(), name="decision_imports"),
    path("decisions/upload/", views.decision_import_upload, name="decision_upload"),
    path("decisions/<int:pk>/", views.decision_import_detail, name="decisions"),
    path("decisions/<int:pk>/apply/", views.decision_import_apply, name="decision_apply"),
    path("decisions/<int:pk>/discard/", views.decision_import_discard, name="decision_discard"),
    path("registers/", views.EntryImportListView.as_view(), name="entry_imports"),
    path(
        "registers/<importable_register:register>/", views.entry_import_upload, name="entry_upload"
    ),
    path(
        "registers/<importable_register:register>/template.<template_format:extension>",
        views.entry_import_template,
        name="entry_template",
    ),
    path("entries/<int:pk>/", views.entry_import_detail, name="entry_import"),
    path("entries/<int:pk>/apply/", views.entry_import_apply, name="entry_apply"),
    path("entries/<int:pk>/discard/", views.entry_import_discard, name="entry_discard"),
]
