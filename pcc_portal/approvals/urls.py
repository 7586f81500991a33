"""Staff pages for approval requests."""

app_name = "approvals"

urlpatterns = []
