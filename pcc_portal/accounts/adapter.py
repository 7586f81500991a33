"""django-allauth adapter: accounts are made by an administrator, never by signing up."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        if request.user.has_perm("accounts.access_manage"):
            return super().get_login_redirect_url(request)
        return reverse("home")
