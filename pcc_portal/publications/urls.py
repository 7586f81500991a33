"""Staff URLs shared by every published type, under /manage/publications/."""

from django.urls import path

from . import views

app_name = "publications_manage"

urlpatterns = [
    path("jobs/<int:pk>/", views.job_status, name="job_status"),
    path("jobs/<int:pk>/retry/", views.retry_job, name="retry_job"),
    path("versions/<int:pk>.pdf", views.version_pdf, name="version_pdf"),
    path("withdraw/<int:content_type_id>/<int:pk>/", views.withdraw, name="withdraw"),
]
