from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "pcc_portal.caching"
    label = "caching"
    verbose_name = "Caching of what changes only on release"

    def ready(self):
        from . import signals

        signals.connect()
