"""Security log: sign-in, sign-out, failures and lockouts, for the OPCC's audit."""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("pcc_portal.security")


def _address(request):
    return request.META.get("REMOTE_ADDR", "-") if request is not None else "-"


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
    logger.warning("sign-in failed user=%s address=%s", username, _address(request))


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning("locked out user=%s address=%s", username, ip_address)
