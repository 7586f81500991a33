"""The portal's own address, for links that leave a page: in emails, and where a page names
the public address of what it shows. Built from ``PORTAL_BASE_URL``, never from a request's
Host header, so no visitor can make an email point at a host of their choosing, and a link
mailed from a page reads the same as one mailed by the scheduled work, which has no request."""

from django.conf import settings


def portal_url(path=""):
    """The absolute address of ``path`` on the portal (``"/alerts/"``), or of the portal."""
    return settings.PORTAL_BASE_URL.rstrip("/") + path
