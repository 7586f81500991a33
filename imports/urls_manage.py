"""Staff pages for imports from other systems."""

from django.urls import path, re_path

from . import views
from .registers import IMPORTABLE

_registers = "|".join(IMPORTABLE)

app_name = "imports"

urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("decisions/", views.decision_import_list, name="decision_imports"),
    path("decisions/upload/", views.decision_import_upload, name="decision_upload"),
    path("decisions/<int:pk>/", views.decision_import_detail, name="decisions"),
    path("decisions/<int:pk>/apply/", views.decision_import_apply, name="decision_apply"),
    path("decisions/<int:pk>/discard/", views.decision_import_discard, name="decision_discard"),
    path("registers/", views.entry_import_list, name="entry_imports"),
    re_path(
        rf"^registers/(?P<register>{_registers})/$", views.entry_import_upload, name="entry_upload"
    ),
    re_path(
        rf"^registers/(?P<register>{_registers})/template\.(?P<extension>csv|xlsx)$",
        views.entry_import_template,
        name="entry_template",
    ),
    path("entries/<int:pk>/", views.entry_import_detail, name="entry_import"),
    path("entries/<int:pk>/apply/", views.entry_import_apply, name="entry_apply"),
    path("entries/<int:pk>/discard/", views.entry_import_discard, name="entry_discard"),
]
