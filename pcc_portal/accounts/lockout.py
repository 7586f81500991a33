"""Lockout after failed sign-ins (django-axes): wrong passwords and two-factor codes are counted
per account, whatever address they come from, and per address, whatever accounts they try."""

from allauth.account.utils import filter_users_by_email, filter_users_by_username
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def client_address(request):
    """The visitor's address as the lockout counts it (behind AXES_PROXY_COUNT proxies)."""
    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR", "")


def attempted_username(request, credentials):
    """The username of the account being tried, however it was typed: its username or email in
    any case. Text that names no account counts as itself, lower-cased."""
    # allauth authenticates with `username` or `email`; the form field itself is `login`.
    credentials = credentials or {}
    typed = credentials.get("username") or credentials.get("email")
    if not typed and request is not None:
        typed = request.POST.get("login")
    typed = (typed or "").strip()
    if not typed:
        return None
    account = filter_users_by_username(typed).order_by("pk").first()
    if account is None:
        by_email = filter_users_by_email(typed, prefer_verified=True)
        account = by_email[0] if by_email else None
    return account.get_username() if account is not None else typed.lower()


class AccountAndAddressLockout(AxesDatabaseHandler):
    """Locks an account after AXES_FAILURE_LIMIT failures from anywhere, and an address after
    AXES_ADDRESS_FAILURE_LIMIT failures on any accounts; a success forgives only its account."""

    def get_failures(self, request, credentials=None):
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        account = _failures(recent.filter(username=get_client_username(request, credentials)))
        address = _failures(recent.filter(ip_address=request.axes_ip_address))
        # Axes compares one number with AXES_FAILURE_LIMIT. An address is shared by everyone in an
        # office, so it is allowed more: its count is scaled to reach that limit only at its own.
        limit = get_failure_limit(request, credentials)
        return max(account, address * limit // max(settings.AXES_ADDRESS_FAILURE_LIMIT, 1))

    def reset_user_attempts(self, request, credentials=None):
        # Called on a successful sign-in. Axes would also forgive every failure from the address,
        # which would let anyone with an account guess at a colleague's between their own sign-ins.
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
