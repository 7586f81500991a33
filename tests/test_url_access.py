"""Every URL pattern has an access rule tested for anonymous, unpermitted and permitted users."""

from django.urls import URLPattern, URLResolver, get_resolver

from tests.access import PUBLIC, SIGNED_IN, SUPERUSER, AccessRule, all_access_rules


def _url_names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from _url_names(pattern.url_patterns, inner or namespace)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or str(pattern.pattern)
            yield f"{namespace}:{name}" if namespace else name


def test_every_url_pattern_has_an_access_rule(settings):
    rules = all_access_rules()
    covered = {name for rule in rules for name in (rule.url_name, *rule.url_names)}
    namespaces = {getattr(rule, "covers_namespace", None) for rule in rules} - {None}
    missing = [
        name
        for name in _url_names(get_resolver().url_patterns)
        if name not in covered and name.split(":")[0] not in namespaces
    ]
    assert missing == [], f"URL patterns with no access rule tested: {missing}"


def test_every_access_rule_expects_one_exact_status():
    # A rule that accepts "200 or 302" passes for a page and for a redirect away from it.
    loose = [rule.__name__ for rule in all_access_rules() if len(rule.allowed_status) != 1]
    assert loose == []


# Site-wide pages.
class TestSitePagesAccess(AccessRule):
    url_names = ("home", "accessibility", "healthz")


class TestDashboardAccess(AccessRule):
    url_name = "manage:dashboard"
    access = "accounts.access_manage"


# Offices and who holds them.
def _office_kwargs():
    from pcc_portal.accounts.models import Office

    return {"pk": Office.objects.of_kind(Office.Kind.COMMISSIONER).get().pk}


class TestOfficeListAccess(AccessRule):
    url_names = ("offices_manage:list", "offices_manage:create")
    access = "accounts.manage_offices"


class TestOfficeEditAccess(AccessRule):
    url_names = ("offices_manage:edit", "offices_manage:holding_create")
    access = "accounts.manage_offices"

    def make_url_kwargs(self):
        return _office_kwargs()


class TestOfficeHoldingEditAccess(AccessRule):
    url_name = "offices_manage:holding_edit"
    access = "accounts.manage_offices"

    def make_url_kwargs(self):
        from tests.accounts.factories import commissioner_user

        return {"pk": commissioner_user("access-commissioner").office_holdings.get().pk}


class TestAdminAccess(AccessRule):
    url_name = "admin:index"
    access = SUPERUSER
    covers_namespace = "admin"


# Sign-in and account pages (django-allauth).
class TestLoginAccess(AccessRule):
    url_name = "account_login"
    anonymous_status = 200
    allowed_status = (302,)  # signed-in users are sent on


class TestLogoutAccess(AccessRule):
    url_name = "account_logout"
    anonymous_status = 302  # nobody to sign out: sent on
    allowed_status = (200,)  # the page that asks to confirm


class TestAccountPagesAccess(AccessRule):
    url_names = (
        "account_inactive",
        "account_email_verification_sent",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key_done",
    )


class TestSignupAccess(AccessRule):
    url_name = "account_signup"
    anonymous_status = 200  # closed: explains that accounts are made by the administrator
    allowed_status = (302,)  # signed-in users are sent on


class TestSignedInPagesAccess(AccessRule):
    url_names = ("account_reauthenticate", "account_email", "account_change_password", "mfa_index")
    access = SIGNED_IN


class TestSignedInSentOnAccess(AccessRule):
    url_names = (
        "account_request_reauthentication_code",  # by emailed code: not enabled
        "account_confirm_reauthentication_code",
        "account_set_password",  # accounts always have a password: sent to change it instead
        "mfa_reauthenticate",  # no authenticator to confirm with
        "mfa_activate_totp",  # asks to re-enter the password first
        "mfa_generate_recovery_codes",  # asks to re-enter the password first
    )
    access = SIGNED_IN
    allowed_status = (302,)


class TestNoAuthenticatorAccess(AccessRule):
    url_names = (
        "mfa_deactivate_totp",  # nothing to deactivate
        "mfa_view_recovery_codes",  # no recovery codes without an authenticator
        "mfa_download_recovery_codes",
    )
    access = SIGNED_IN
    allowed_status = (404,)


class TestConfirmEmailAccess(AccessRule):
    url_name = "account_confirm_email"
    url_kwargs = {"key": "not-a-real-key"}


class TestResetPasswordFromKeyAccess(AccessRule):
    url_name = "account_reset_password_from_key"
    url_kwargs = {"uidb36": "zz", "key": "not-a-real-key"}  # the page says the link is bad


class TestSentOnAccess(AccessRule):
    url_names = (
        "account_confirm_login_code",  # sign-in by emailed code is not enabled
        "mfa_authenticate",  # only mid-sign-in; otherwise sent back to sign in
    )
    allowed_status = (302,)


assert PUBLIC  # the default for the classes above that do not set `access`
