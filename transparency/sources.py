"""Where the index reads the dates of what the portal publishes itself.

Each source is a small adapter: given nothing, it answers the latest publication date and the
public link, or ``None`` when there is nothing (yet). Adapters read other apps through the
shared ``Version`` table and URL names, never their models, so an app with no data or not yet
built makes its items "missing" rather than breaking the index.
"""

import logging
from dataclasses import dataclass

from django.db import DatabaseError
from django.db.models import Max
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Publication:
    published_on: object  # a date
    url: str


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    url_name: str
    read: object  # (cache) -> date | datetime | None
    url_kwargs: tuple = ()

    def url(self):
        try:
            return reverse(self.url_name, kwargs=dict(self.url_kwargs))
        except NoReverseMatch:
            return ""

    def latest(self, cache=None):
        """The latest publication, or None; never raises for a missing app or table. Sources
        read through ``cache`` share one query for all published versions."""
        try:
            when = self.read({} if cache is None else cache)
        except (LookupError, ImportError, DatabaseError, NoReverseMatch):
            logger.info("transparency source %s has nothing to read yet", self.key, exc_info=True)
            return None
        if when is None:
            return None
        if hasattr(when, "date"):
            when = timezone.localdate(when) if timezone.is_aware(when) else when.date()
        return Publication(published_on=when, url=self.url())


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

        from .selectors import published_records

        model = apps.get_model("transparency", model_name)
        return published_records(model).aggregate(latest=Max("ready_at"))["latest"]

    return read


SOURCES = {
    source.key: source
    for source in [
        Source(
            "decisions",
            "The decisions register",
            "decisions:register",
            _latest_version("decisions.decision"),
        ),
        Source(
            "decisions-report",
            "Decisions reports to the Panel",
            "decisions:register",
            _latest_version("decisions.decisionsreport"),
        ),
        Source(
            "forward-plan",
            "The forward plan",
            "transparency:forward_plan",
            _latest_entry("ForwardPlanEntry"),
        ),
        Source(
            "panel-meetings",
            "Police and Crime Panel agendas and papers",
            "panel:meetings",
            _latest_version("panel.agendapack", "panel.report"),
        ),
        Source(
            "panel-minutes",
            "Police and Crime Panel minutes",
            "panel:meetings",
            _latest_version("panel.minutes"),
        ),
        Source("plan", "The police and crime plan", "plans:list", _latest_version("plans.plan")),
        Source(
            "performance-reports",
            "Quarterly performance reports",
            "performance:dashboard",
            _latest_version("performance.quarterlyreport"),
        ),
        Source(
            "scrutiny-meetings",
            "Strategic scrutiny meetings",
            "performance:dashboard",
            _latest_version("performance.scrutinymeeting"),
        ),
        Source(
            "spending",
            "Spending over £500",
            "transparency:register",
            _latest_entry("SpendingUpload"),
            (("register", "spending"),),
        ),
        Source(
            "grants",
            "Crime and disorder reduction grants",
            "transparency:register",
            _latest_entry("Grant"),
            (("register", "grants"),),
        ),
        Source(
            "contracts",
            "Contracts over £10,000",
            "transparency:register",
            _latest_entry("Contract"),
            (("register", "contracts"),),
        ),
        Source(
            "small-contracts",
            "Contracts of £10,000 or less",
            "transparency:small_contracts",
            _latest_entry("SmallContract"),
        ),
        Source(
            "interests",
            "Register of interests",
            "transparency:register",
            _latest_entry("Interest"),
            (("register", "interests"),),
        ),
        Source(
            "gifts",
            "Gifts and hospitality",
            "transparency:register",
            _latest_entry("GiftHospitality"),
            (("register", "gifts-and-hospitality"),),
        ),
        Source(
            "about",
            "About the Commissioner",
            "pages:detail",
            _latest_page("about-the-commissioner"),
            (("slug", "about-the-commissioner"),),
        ),
        Source(
            "roles",
            "Roles and responsibilities",
            "pages:detail",
            _latest_page("roles-and-responsibilities"),
            (("slug", "roles-and-responsibilities"),),
        ),
    ]
}


def choices():
    return [("", "None: staff upload it")] + [(key, s.label) for key, s in SOURCES.items()]
