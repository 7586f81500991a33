"""Whole downloads kept until the next release: feeds, the meetings calendar, data exports.

These bodies carry no CSP nonce and no form token, so unlike HTML pages they may be kept
whole. They are keyed by the publication generation like the fragments of pages, so a release
or withdrawal makes every kept body unreachable in its own transaction. The key holds the full
address (scheme, host, path and query): a feed's links are absolute, and filters change rows.
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import DEFAULT_TIMEOUT, NEVER_STORE, fragment_key, may_use_cache

# Headers a kept download is served with again; the rest (ETag, Last-Modified, Vary, security
# headers) are added afresh by the middleware on every response.
KEPT_HEADERS = ("Content-Disposition", "Content-Language", "X-Robots-Tag")


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        return False  # pages carry a nonce: cache their fragments instead
    body = response.content
    return not any(marker.encode() in body for marker in NEVER_STORE)


def published_download(name):
    """Decorate a public view whose body changes only on release: serve the body kept for this
    generation and address, or render it once and keep it. Signed-in users and anything but
    GET and HEAD get it rendered afresh."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not may_use_cache(request):
                return view(request, *args, **kwargs)
            key = fragment_key(request, f"download:{name}", (request.build_absolute_uri(),))
            kept = cache.get(key)
            if kept is not None:
                content_type, headers, body = kept
                response = HttpResponse(body, content_type=content_type)
                for header, value in headers:
                    response[header] = value
                return response
            response = view(request, *args, **kwargs)
            if _storable(response):
                headers = [(h, response[h]) for h in KEPT_HEADERS if response.has_header(h)]
                timeout = getattr(settings, "PUBLISHED_CACHE_SECONDS", DEFAULT_TIMEOUT)
                cache.set(key, (response["Content-Type"], headers, response.content), timeout)
            return response

        return wrapped

    return decorator
