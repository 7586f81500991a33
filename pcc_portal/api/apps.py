from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pcc_portal.api"
    verbose_name = "Public API"
