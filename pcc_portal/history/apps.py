from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "pcc_portal.history"
    label = "history"
    verbose_name = "Change history"
