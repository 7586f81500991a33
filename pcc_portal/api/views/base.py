"""The API's shared behaviour: anyone may read, no session is used, CORS headers for any origin,
an ETag and Last-Modified that conditional requests answer 304 to, a rate limit per address."""

import hashlib

from django.utils.cache import get_conditional_response
from rest_framework import mixins, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from pcc_portal.caching.models import Generation

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link",
    "Access-Control-Max-Age": "86400",
}


class AddressThrottle(AnonRateThrottle):
    """Requests per address (the API uses no sign-in, so every caller is counted this way)."""

    scope = "api"


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PublicReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AddressThrottle]
    pagination_class = Pages
    http_method_names = ["get", "head", "options"]

    def last_modified(self):
        """When anything public last changed: the publication generation's time, which every
        release and withdrawal moves on. Not the newest release of the answer's own rows: a
        withdrawal makes an answer older than its newest row, and a client asking
        If-Modified-Since must not be told "not modified" about what has since gone."""
        return Generation.objects.filter(pk=1).values_list("changed_at", flat=True).first()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response.render()
            etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["ETag"] = etag
            modified = self.last_modified()
            if modified is not None:
                response["Last-Modified"] = modified.strftime("%a, %d %b %Y %H:%M:%S GMT")
            conditional = get_conditional_response(
                request,
                etag=etag,
                last_modified=int(modified.timestamp()) if modified else None,
                response=response,
            )
            if conditional is not response:
                for header, value in CORS_HEADERS.items():
                    conditional[header] = value
                return conditional
        return response
