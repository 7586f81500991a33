"""Staff pages for imports from other systems."""

from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("decisions/", views.decision_import_list, name="decision_imports"),
    path("decisions/upload/", views.decision_import_upload, name="decision_upload"),
    path("decisions/<int:pk>/", views.decision_import_detail, name="decisions"),
    path("decisions/<int:pk>/apply/", views.decision_import_apply, name="decision_apply"),
    path("decisions/<int:pk>/discard/", views.decision_import_discard, name="decision_discard"),
]
