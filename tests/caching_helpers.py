"""Shared by the caching tests: a version made public through the publishing mechanism, and a
response's page without its per-response nonce."""

import re

from pcc_portal.publications import services as publishing
from tests.publications.factories import ready_version


def _ready(obj, by, number, document_type, html="<p>Published.</p>"):
    """A ready version of ``obj``, made public through the publishing mechanism."""
    version = ready_version(obj, by=by, number=number, document_type=document_type, html=html)
    publishing.version_went_public(version=version)
    return version


def _without_nonce(response):
    return re.sub(r'nonce="[^"]+"', "", response.content.decode())
