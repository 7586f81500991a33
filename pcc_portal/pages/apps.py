from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pcc_portal.pages"
    label = "pages"
    verbose_name = "Content pages"
