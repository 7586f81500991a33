from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "pcc_portal.demo"
    label = "demo"
    verbose_name = "Demonstration data"
