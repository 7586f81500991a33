"""Conditional GET for what the public downloads and subscribes to (feeds, calendars, CSV and
JSON exports, PDFs, the sitemap): their content is a function of the address, the day and what
is published, so an ``ETag`` made of the publication generation, the day and the address is
known before the view runs. A client that already has it gets 304 Not Modified at the cost of
one query; any release or withdrawal changes the generation, so a 304 is never stale. Pages
(HTML) are not covered here: each carries its own CSP nonce. Signed-in users always get a full
response (a Panel member's PDF may hold exempt papers)."""

import hashlib
import re

from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import may_use_cache, request_generation

DOWNLOADS = re.compile(r"(\.(csv|json|pdf|ics|xml)|/feed/)$")


def _etag(request):
    text = f"{request_generation(request)}|{timezone.localdate()}|{request.get_full_path()}"
    return f'W/"pub-{hashlib.sha256(text.encode()).hexdigest()[:32]}"'


def _last_modified(request):
    """When the generation last changed (it is read with the generation itself)."""
    _number, _, changed = request_generation(request).partition(".")
    return int(float(changed)) if changed else None


class PublishedConditionalGetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not DOWNLOADS.search(request.path) or not may_use_cache(request):
            return self.get_response(request)
        etag = _etag(request)
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
        response = self.get_response(request)
        if response.status_code == 200 and not response.has_header("ETag"):
            response["ETag"] = etag
        if response.status_code == 200 and not response.has_header("Last-Modified"):
            last_modified = _last_modified(request)
            if last_modified:
                response["Last-Modified"] = http_date(last_modified)
        return response
