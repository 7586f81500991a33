"""Caching of what changes only on release: fragments of public pages keyed by the publication
generation.

The generation is one database row (``Generation``) whose number goes up inside the transaction
of every release and withdrawal, by one mechanism: every saved or deleted row of the apps public
pages read bumps it (``pcc_portal.caching.signals``), so a release (its version's row marked
ready) and a withdrawal (its ``Withdrawal`` row) each move it on once, and so do figures,
casework, meetings, anything released without a version. A request reads the generation once,
before it reads any content, so a fragment is only ever stored under a generation no newer than
the data it was rendered from: once a release commits, no request can find a fragment from
before it.
Nothing to expire by hand, no cache write that could be lost between commit and invalidation.

Fragments, never whole responses: a page carries its own CSP nonce and CSRF token, so only the
content inside ``{% published_cache %}`` (templatetags/published_cache.py) is kept, and a fragment
holding a nonce or a form token is never stored. Signed-in users (staff may see drafts through
the same views) and anything but GET and HEAD always render afresh. Django's cache holds the
fragments: Redis in production, local memory in the embedded default.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

KEY_PREFIX = "published"
DEFAULT_TIMEOUT = 24 * 60 * 60
NEVER_STORE = ("nonce=", "csrfmiddlewaretoken")


def bump():
    """Make every cached fragment unreachable, in the caller's transaction."""
    from .models import Generation

    # update() skips auto_now: set the time here, or Last-Modified would never move on.
    moved = Generation.objects.filter(pk=1).update(
        number=F("number") + 1, changed_at=timezone.now()
    )
    if not moved:
        Generation.objects.get_or_create(pk=1, defaults={"number": 1})


def generation():
    """The generation now, as a key part: its number and when it changed (a database restored
    from a backup goes back to an older number, but never to the same moment)."""
    from .models import Generation

    # Every public request reads it: one statement written once, not a queryset compiled
    # each time (that took longer than the query itself, and than a cached page's rendering).
    table = connection.ops.quote_name(Generation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed_at FROM {table} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    if row is None:
        return "0"
    number, changed_at = row
    if timezone.is_naive(changed_at):  # SQLite gives back the UTC time Django stored
        changed_at = timezone.make_aware(changed_at, datetime.UTC)
    return f"{number}.{changed_at.timestamp():.6f}"


def request_generation(request):
    """The generation as this request first read it (one query a request)."""
    value = getattr(request, "_publication_generation", None)
    if value is None:
        value = generation()
        request._publication_generation = value
    return value


def may_use_cache(request):
    if request is None or request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def fragment_key(request, name, vary=()):
    digest = hashlib.sha256(
        "\x1f".join(str(value) for value in vary).encode("utf-8", "surrogatepass")
    ).hexdigest()[:32]
    return f"{KEY_PREFIX}:{request_generation(request)}:{name}:{digest}"


def cached_fragment(request, name, render, vary=()):
    """``render()``'s text (or other value), from the cache when this generation already has
    it. Renders afresh (and stores nothing) for signed-in users, for other methods than GET and
    HEAD, and when the text holds a nonce or a form token."""
    if not may_use_cache(request):
        return render()
    key = fragment_key(request, name, vary)
    text = cache.get(key)
    if text is not None:
        return text
    text = render()
    if not isinstance(text, str) or not any(marker in text for marker in NEVER_STORE):
        cache.set(key, text, getattr(settings, "PUBLISHED_CACHE_SECONDS", DEFAULT_TIMEOUT))
    return text


def lazy_context(names, compute):
    """A view's context whose values (``names``) are computed only when a template first reads
    one, all at once by ``compute()`` (a dict): a page whose fragment comes from the cache runs
    none of the queries."""
    result = {}

    def values():
        if not result:
            result.update(compute())
        return result

    return {name: SimpleLazyObject(lambda name=name: values()[name]) for name in names}
