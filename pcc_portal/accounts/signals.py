"""Security log: sign-in, sign-out, failures and lockouts, for the OPCC's audit; and what
two-factor events mean for the lockout and for the session."""

import logging

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .lockout import client_address

logger = logging.getLogger("pcc_portal.security")


def _address(request):
    return client_address(request) if request is not None else "-"


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    logger.info("sign-in user=%s address=%s", user.get_username(), _address(request))


@receiver(user_logged_out)
def log_sign_out(sender, request, user, **kwargs):
    username = user.get_username() if user is not None else "-"
    logger.info("sign-out user=%s address=%s", username, _address(request))


@receiver(user_login_failed)
def log_sign_in_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get("username") or credentials.get("login") or "-"
    failure = "wrong two-factor code" if credentials.get("second_factor") else "sign-in failed"
    logger.warning("%s user=%s address=%s", failure, username, _address(request))


@receiver(mfa_signals.authentication_failed)
def count_wrong_code_as_failed_sign_in(sender, request, user, **kwargs):
    # django-axes, listening, counts it with the wrong passwords towards the account's and the
    # address's lockout: the code cannot be guessed at leisure once the password is known.
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), "second_factor": True},
        request=request,
    )


@receiver(mfa_signals.authenticator_added)
def count_setting_up_the_app_as_the_second_factor(sender, request, user, authenticator, **kwargs):
    # A code from the new app has just been typed in this session. Recorded as allauth records a
    # sign-in code, so that REQUIRE_MFA (see middleware.py) does not sign out the person who has
    # just set the app up.
    if authenticator.type == Authenticator.Type.TOTP and request.user.pk == user.pk:
        record_authentication(
            request, user, "mfa", id=authenticator.pk, type=authenticator.type, set_up=True
        )


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning("locked out user=%s address=%s", username, ip_address)
