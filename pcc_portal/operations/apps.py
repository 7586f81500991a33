from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "pcc_portal.operations"
    verbose_name = "Operations: backup, restore and checks"
