"""Staff pages for imports from other systems."""

from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
]
