"""Readers of the date something was last published: a model's latest version, a page's, a
register's latest entry, one object's live version."""

from django.db.models import Max


def _latest_version(*labels):
    """The latest READY version's date for any of the models ``app_label.model``."""

    def read(cache):
        from pcc_portal.publications.models import Version

        if "versions" not in cache:
            rows = (
                Version.objects.ready()
                .values("content_type__app_label", "content_type__model")
                .annotate(latest=Max("ready_at"))
            )
            cache["versions"] = {
                f"{r['content_type__app_label']}.{r['content_type__model']}": r["latest"]
                for r in rows
            }
        dates = [cache["versions"][label] for label in labels if label in cache["versions"]]
        return max(dates) if dates else None

    return read


def _latest_page(slug):
    def read(cache):
        from pcc_portal.pages.models import ContentPage
        from pcc_portal.publications.models import Version

        page = ContentPage.objects.public().filter(slug=slug).first()
        version = page and Version.objects.latest_ready_for(page)
        return version.ready_at if version else None

    return read


def _latest_entry(model_name):
    def read(cache):
        from django.apps import apps

        from ..selectors import published_records

        model = apps.get_model("transparency", model_name)
        return published_records(model=model).aggregate(latest=Max("ready_at"))["latest"]

    return read


def _ready_at(obj):
    from pcc_portal.publications.models import Version

    version = Version.objects.latest_ready_for(obj)
    return version.ready_at if version else None
