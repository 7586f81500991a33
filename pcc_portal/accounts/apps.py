from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pcc_portal.accounts"
    label = "accounts"
    verbose_name = "People and permissions"

    def ready(self):
        from . import signals  # noqa: F401  (connects the sign-in audit log)
