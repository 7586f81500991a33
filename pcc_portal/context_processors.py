"""Template context shared by every page."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

# The public sections, in the order the menu shows them: (label, URL name).
SECTIONS = [
    ("Home", "home"),
    ("Police and crime plan", "plans:list"),
    ("Decisions", "decisions:register"),
    ("Police and Crime Panel", "panel:meetings"),
    ("Performance", "performance:dashboard"),
    ("Transparency", "transparency:index"),
]


@dataclass(frozen=True)
class NavigationItem:
    label: str
    url: str
    active: bool  # the page is in this section
    current: bool  # the page is the section's own page


def _navigation(request, user):
    sections = list(SECTIONS)
    if user.has_perm("accounts.access_manage"):
        sections.append(("Staff area", "manage:dashboard"))
    items = []
    for label, name in sections:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # a section whose pages are not built yet
        current = request.path == url
        active = current or (url != "/" and request.path.startswith(url))
        items.append(NavigationItem(label, url, active, current))
    return items


def portal(request):
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "PORTAL_SHORT_NAME": settings.PORTAL_SHORT_NAME,
        "navigation": _navigation(request, request.user) if hasattr(request, "user") else [],
    }
