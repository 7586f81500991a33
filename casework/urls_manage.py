"""Staff pages for the Panel's statutory casework."""

app_name = "casework_manage"

urlpatterns = []
