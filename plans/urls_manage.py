"""Staff plan URLs, under /manage/plans/."""

from django.urls import path

from .views import manage, parts

app_name = "plans_manage"

urlpatterns = [
    path("", manage.PlanListView.as_view(), name="list"),
    path("new/", manage.PlanCreateView.as_view(), name="create"),
    path("<int:pk>/", manage.PlanDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", manage.PlanUpdateView.as_view(), name="edit"),
    path("<int:pk>/preview/", manage.plan_preview, name="preview"),
    path("<int:pk>/preview.pdf", manage.plan_preview_pdf, name="preview_pdf"),
    path("<int:pk>/step/", manage.plan_step, name="step"),
    path("<int:pk>/publish/", manage.PlanPublishView.as_view(), name="publish"),
    path("<int:pk>/copy/", manage.plan_copy, name="copy"),
    path("<int:pk>/delete/", manage.plan_delete, name="delete"),
    path("<int:pk>/delivery/", manage.DeliveryDetailView.as_view(), name="delivery"),
    path(
        "<int:pk>/delivery/publish/", manage.DeliveryPublishView.as_view(), name="delivery_publish"
    ),
    path("<int:pk>/priorities/<int:number>/", manage.priority_detail, name="priority"),
    path(
        "<int:pk>/commitments/<int:item>/progress/",
        manage.commitment_progress,
        name="progress",
    ),
    path("<int:pk>/<slug:kind>/new/", parts.PartCreateView.as_view(), name="part_create"),
    path("<int:pk>/<slug:kind>/<int:item>/edit/", parts.PartUpdateView.as_view(), name="part_edit"),
    path("<int:pk>/<slug:kind>/<int:item>/delete/", parts.part_delete, name="part_delete"),
    path("<int:pk>/<slug:kind>/<int:item>/move/", parts.part_move, name="part_move"),
]
