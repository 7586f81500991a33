"""Staff-page protections that apply to every signed-in request."""

import logging

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .lockout import client_address

logger = logging.getLogger("pcc_portal.security")

# Paths a signed-in user without an authenticator app may still reach, to set one up or leave
# (allauth asks for the password again before an authenticator can be added).
MFA_SETUP_PATHS = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/static/",
    "/healthz",
)


def passed_second_factor(request):
    """Whether this session has had a code from the account's app (or a recovery code)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class StaffPagesMiddleware:
    """Keeps signed-in pages out of shared caches and, when REQUIRE_MFA is on, lets no signed-in
    session be used until it has passed the second factor: an account without an authenticator
    app is sent to set one up first, and a session that has an app but never gave a code from it
    (however it came to be signed in: the admin's own sign-in page, say) is signed out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        if signed_in and settings.REQUIRE_MFA:
            refused = self._refuse_without_second_factor(request)
            if refused is not None:
                return refused

        response = self.get_response(request)
        if signed_in or request.path.startswith(("/manage/", "/accounts/", "/admin/")):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def _refuse_without_second_factor(self, request):
        has_app = Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists()
        if not has_app:
            if request.path.startswith(MFA_SETUP_PATHS):
                return None
            return redirect(reverse("mfa_activate_totp"))
        if passed_second_factor(request):
            return None
        logger.warning(
            "signed out: no two-factor sign-in user=%s address=%s",
            request.user.get_username(),
            client_address(request),
        )
        logout(request)
        return redirect_to_login(request.get_full_path())
