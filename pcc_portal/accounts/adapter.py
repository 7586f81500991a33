"""django-allauth adapter: accounts are made by an administrator, never by signing up."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse

from .lockout import client_address


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        if request.user.has_perm("accounts.access_manage"):
            return super().get_login_redirect_url(request)
        # A serving panel member lands on their upcoming meetings and packs.
        if request.user.panel_memberships.current().exists():
            return reverse("panel:my_meetings")
        return reverse("home")

    def get_client_ip(self, request):
        # allauth's per-address rate limits count the address the lockout counts: behind a proxy,
        # each visitor's, not the proxy's for everyone.
        return client_address(request)

    def get_reauthentication_methods(self, user):
        # Where two-factor sign-in is required, asking again (before signing or publishing a
        # decision, say) asks for a code from the authenticator app, not the password: an account
        # still setting its app up has only the password to give.
        methods = super().get_reauthentication_methods(user)
        if settings.REQUIRE_MFA:
            codes = [m for m in methods if m["id"].startswith("mfa_reauthenticate")]
            return codes or methods
        return methods
