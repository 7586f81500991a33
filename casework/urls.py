"""Public pages of the Police and Crime Panel's statutory casework."""

app_name = "casework"

urlpatterns = []
