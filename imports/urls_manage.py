"""Staff pages for imports from other systems."""

app_name = "imports"

urlpatterns = []
