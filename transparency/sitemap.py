"""The public URLs for sitemap.xml: section pages, every published object that is not
restricted (through its model's ``public()``), and the transparency pages, served through
``django.contrib.sitemaps`` as one Sitemap a section of the site. Nothing a visitor could not
open is listed."""

import importlib

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import module_has_submodule

from .selectors import REGISTERS

SECTION_URL_NAMES = [
    "home",
    "accessibility",
    "plans:list",
    "decisions:register",
    "panel:meetings",
    "panel:members",
    "performance:dashboard",
    "transparency:index",
    "transparency:forward_plan",
    "transparency:alerts",
]


def _reverse(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _published_objects():
    """(url, last modified) of every public, unrestricted object with a version not withdrawn."""
    from pcc_portal.publications.models import Version

    latest = (
        Version.objects.public()
        .values("content_type", "object_id")
        .annotate(modified=Max("ready_at"))
    )
    by_type = {}
    for row in latest:
        by_type.setdefault(row["content_type"], {})[row["object_id"]] = row["modified"]
    from django.contrib.contenttypes.models import ContentType

    for content_type_id, modified in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not hasattr(model._default_manager, "public"):
            continue
        objects = model._default_manager.public().filter(pk__in=list(modified))
        if any(f.name == "is_restricted" for f in model._meta.get_fields()):
            objects = objects.filter(is_restricted=False)
        for obj in objects:
            try:
                url = obj.get_absolute_url()
            except (NoReverseMatch, AttributeError):
                continue
            yield url, modified[obj.pk]


def _app_urls():
    """(url, last modified) from each app's own Sitemaps (``SITEMAPS`` in its ``sitemap``
    module): the pages of an app that are not published versions (the Panel's casework, say),
    through its own QuerySets."""
    for app_config in apps.get_app_configs():
        if app_config.name == __package__ or not module_has_submodule(app_config.module, "sitemap"):
            continue
        module = importlib.import_module(f"{app_config.name}.sitemap")
        for sitemap_class in module.SITEMAPS:
            app_sitemap = sitemap_class()
            lastmod = getattr(app_sitemap, "lastmod", None)
            for item in app_sitemap.items():
                yield app_sitemap.location(item), lastmod(item) if callable(lastmod) else lastmod


def public_urls():
    urls = {}
    for name in SECTION_URL_NAMES:
        url = _reverse(name)
        if url:
            urls[url] = None
    for slug in REGISTERS:
        urls[reverse("transparency:register", kwargs={"register": slug})] = None
    for url, modified in _published_objects():
        urls.setdefault(url.split("#")[0], modified)
    for url, modified in _app_urls():
        urls.setdefault(url, modified)
    try:
        priority_model = apps.get_model("plans", "Priority")
        plan_model = apps.get_model("plans", "Plan")
        for priority in priority_model.objects.filter(
            plan__in=plan_model.objects.public()
        ).select_related("plan"):
            priority_url = _reverse(
                "plans:priority", slug=priority.plan.slug, number=priority.number
            )
            if priority_url:
                urls[priority_url] = None
    except LookupError:
        pass
    return sorted(urls.items())


# --- sections and the index ----------------------------------------------------------------

# URLs in one sitemap file: the protocol allows 50,000 (and 50 MB); 1,000 keeps each file about
# 100 KB and quick to serve (a decade's 3,300 addresses made one file of 311 KB), and a decade of
# records far inside the index's limit of 50,000 files.
SECTION_SIZE = 1000
SECTIONS = ["pages", "plans", "decisions", "panel", "performance", "transparency"]


def section_of(url):
    """The section a public URL belongs to: its first path segment's, else "pages"."""
    first = url.strip("/").split("/", 1)[0].split(".", 1)[0]
    return first if first in SECTIONS else "pages"


class SectionSitemap(Sitemap):
    """One section of the site's public URLs, ``rows`` of (url, last modified), paginated at
    ``SECTION_SIZE`` (``?p=2`` and on)."""

    def __init__(self, rows):
        self.rows = rows
        self.limit = SECTION_SIZE

    def items(self):
        return self.rows

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return max((modified for _url, modified in self.rows if modified), default=None)


def sitemaps(urls):
    """``{section: SectionSitemap}`` for the sections that list any of ``urls``, in order."""
    grouped = {name: [] for name in SECTIONS}
    for url, modified in urls:
        grouped[section_of(url)].append((url, modified))
    return {name: SectionSitemap(rows) for name, rows in grouped.items() if rows}


def cached_public_urls(request):
    """``public_urls()``, computed once per publication generation (pcc_portal.caching): the
    index and each of its sections read it."""
    from pcc_portal.caching import cached_fragment

    return cached_fragment(request, "sitemap-urls", public_urls)
