"""Staff pages for imports from other systems."""

from django.urls import path, re_path

from pcc_portal.routes import object_routes

from . import views
from .registers import IMPORTABLE

_registers = "|".join(IMPORTABLE)

app_name = "imports"

urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    *object_routes(
        "decisions/",
        "decision",
        list=views.decision_import_list,
        upload=views.decision_import_upload,
        detail=views.decision_import_detail,
        apply=views.decision_import_apply,
        discard=views.decision_import_discard,
        names={"list": "decision_imports", "detail": "decisions"},
    ),
    path("registers/", views.entry_import_list, name="entry_imports"),
    re_path(
        rf"^registers/(?P<register>{_registers})/$", views.entry_import_upload, name="entry_upload"
    ),
    re_path(
        rf"^registers/(?P<register>{_registers})/template\.(?P<extension>csv|xlsx)$",
        views.entry_import_template,
        name="entry_template",
    ),
    *object_routes(
        "entries/",
        "entry",
        detail=views.entry_import_detail,
        apply=views.entry_import_apply,
        discard=views.entry_import_discard,
        names={"detail": "entry_import"},
    ),
]
