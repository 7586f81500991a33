"""Staff plan URLs, under /manage/plans/."""

from django.urls import path

from .views import manage

app_name = "plans_manage"

urlpatterns = [
    path("", manage.PlanListView.as_view(), name="list"),
    path("new/", manage.plan_create, name="create"),
    path("<int:pk>/", manage.plan_detail, name="detail"),
    path("<int:pk>/edit/", manage.plan_edit, name="edit"),
    path("<int:pk>/preview/", manage.plan_preview, name="preview"),
    path("<int:pk>/preview.pdf", manage.plan_preview_pdf, name="preview_pdf"),
    path("<int:pk>/step/", manage.plan_step, name="step"),
    path("<int:pk>/publish/", manage.plan_publish, name="publish"),
    path("<int:pk>/copy/", manage.plan_copy, name="copy"),
    path("<int:pk>/delete/", manage.plan_delete, name="delete"),
    path("<int:pk>/delivery/", manage.delivery_detail, name="delivery"),
    path("<int:pk>/delivery/publish/", manage.delivery_publish, name="delivery_publish"),
    path("<int:pk>/priorities/<int:number>/", manage.priority_detail, name="priority"),
    path(
        "<int:pk>/commitments/<int:item>/progress/",
        manage.commitment_progress,
        name="progress",
    ),
    path("<int:pk>/<slug:kind>/new/", manage.part_create, name="part_create"),
    path("<int:pk>/<slug:kind>/<int:item>/edit/", manage.part_edit, name="part_edit"),
    path("<int:pk>/<slug:kind>/<int:item>/delete/", manage.part_delete, name="part_delete"),
    path("<int:pk>/<slug:kind>/<int:item>/move/", manage.part_move, name="part_move"),
]
