from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "pcc_portal.publications"
    label = "publications"
    verbose_name = "Publishing"
