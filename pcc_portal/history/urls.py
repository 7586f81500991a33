"""Staff URLs for change history, under /manage/history/."""

from django.urls import path

from pcc_portal.history import views

app_name = "history"

urlpatterns = [
    path("<str:app_label>/<str:model_name>/<str:pk>/", views.object_history, name="object"),
]
