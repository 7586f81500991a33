"""Staff-page protections that apply to every signed-in request."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

# Paths a signed-in user without two-factor sign-in may still reach, to set it up or leave
# (allauth asks for the password again before an authenticator can be added).
MFA_SETUP_PATHS = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/static/",
    "/healthz",
)


class StaffPagesMiddleware:
    """Keeps signed-in pages out of shared caches and, when REQUIRE_MFA is on, sends any
    signed-in account without an authenticator app to set one up before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        if (
            signed_in
            and settings.REQUIRE_MFA
            and not request.path.startswith(MFA_SETUP_PATHS)
            and not Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists()
        ):
            return redirect(reverse("mfa_activate_totp"))

        response = self.get_response(request)
        if signed_in or request.path.startswith(("/manage/", "/accounts/", "/admin/")):
            patch_cache_control(response, private=True, no_store=True)
        return response
