"""The two-factor code forms: django-allauth's own, refusing every code, the right one included,
while the account or the address is locked out (see lockout.py)."""

from allauth.core import context
from allauth.mfa.base import forms as allauth_forms
from axes.handlers.proxy import AxesProxyHandler
from django import forms

LOCKED_OUT = "Sign-in is locked for now after too many failed attempts. Try again later."


class _RefusedWhileLockedOut:
    def clean_code(self):
        request = context.request
        credentials = {"username": self.user.get_username()}
        if not AxesProxyHandler.is_allowed(request, credentials):
            # As django-axes does for a password: its middleware answers with the lockout page.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            raise forms.ValidationError(LOCKED_OUT, code="locked_out")
        return super().clean_code()


class AuthenticateForm(_RefusedWhileLockedOut, allauth_forms.AuthenticateForm):
    """The code asked for after the password, to sign in."""


class ReauthenticateForm(_RefusedWhileLockedOut, allauth_forms.ReauthenticateForm):
    """The code asked for again before a sensitive change, such as removing the app."""
