"""Staff pages for approval requests."""

from django.urls import path

from . import views

app_name = "approvals"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("ask/<slug:kind>/<slug:key>/", views.ask, name="ask"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/return/", views.request_return, name="return"),
    path("<int:pk>/withdraw/", views.request_withdraw, name="withdraw"),
]
