from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    name = "pcc_portal.approvals"
    verbose_name = "Approvals"
