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
    covered = {rule.url_name for rule in rules}
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
class TestHomeAccess(AccessRule):
    url_name = "home"


class TestAccessibilityAccess(AccessRule):
    url_name = "accessibility"


class TestHealthzAccess(AccessRule):
    url_name = "healthz"


class TestDashboardAccess(AccessRule):
    url_name = "manage:dashboard"
    access = "accounts.access_manage"


# Offices and who holds them.
def _office_kwargs():
    from pcc_portal.accounts.models import Office

    return {"pk": Office.objects.of_kind(Office.Kind.COMMISSIONER).get().pk}


class TestOfficeListAccess(AccessRule):
    url_name = "offices_manage:list"
    access = "accounts.manage_offices"


class TestOfficeCreateAccess(AccessRule):
    url_name = "offices_manage:create"
    access = "accounts.manage_offices"


class TestOfficeEditAccess(AccessRule):
    url_name = "offices_manage:edit"
    access = "accounts.manage_offices"

    def make_url_kwargs(self):
        return _office_kwargs()


class TestOfficeHoldingCreateAccess(TestOfficeEditAccess):
    url_name = "offices_manage:holding_create"
    access = "accounts.manage_offices"


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


class TestInactiveAccess(AccessRule):
    url_name = "account_inactive"


class TestSignupAccess(AccessRule):
    url_name = "account_signup"
    anonymous_status = 200  # closed: explains that accounts are made by the administrator
    allowed_status = (302,)  # signed-in users are sent on


class TestReauthenticateAccess(AccessRule):
    url_name = "account_reauthenticate"
    access = SIGNED_IN


class TestRequestReauthenticationCodeAccess(AccessRule):
    url_name = "account_request_reauthentication_code"
    access = SIGNED_IN
    allowed_status = (302,)  # re-authentication by emailed code is not enabled: sent on


class TestConfirmReauthenticationCodeAccess(AccessRule):
    url_name = "account_confirm_reauthentication_code"
    access = SIGNED_IN
    allowed_status = (302,)


class TestEmailAccess(AccessRule):
    url_name = "account_email"
    access = SIGNED_IN


class TestEmailVerificationSentAccess(AccessRule):
    url_name = "account_email_verification_sent"


class TestConfirmEmailAccess(AccessRule):
    url_name = "account_confirm_email"
    url_kwargs = {"key": "not-a-real-key"}


class TestChangePasswordAccess(AccessRule):
    url_name = "account_change_password"
    access = SIGNED_IN


class TestSetPasswordAccess(AccessRule):
    url_name = "account_set_password"
    access = SIGNED_IN
    allowed_status = (302,)  # accounts always have a password: sent to change it instead


class TestResetPasswordAccess(AccessRule):
    url_name = "account_reset_password"


class TestResetPasswordDoneAccess(AccessRule):
    url_name = "account_reset_password_done"


class TestResetPasswordFromKeyAccess(AccessRule):
    url_name = "account_reset_password_from_key"
    url_kwargs = {"uidb36": "zz", "key": "not-a-real-key"}  # the page says the link is bad


class TestResetPasswordFromKeyDoneAccess(AccessRule):
    url_name = "account_reset_password_from_key_done"


class TestConfirmLoginCodeAccess(AccessRule):
    url_name = "account_confirm_login_code"
    allowed_status = (302,)  # sign-in by emailed code is not enabled: sent on


class TestMfaIndexAccess(AccessRule):
    url_name = "mfa_index"
    access = SIGNED_IN


class TestMfaAuthenticateAccess(AccessRule):
    url_name = "mfa_authenticate"
    allowed_status = (302,)  # only mid-sign-in; otherwise sent back to sign in


class TestMfaReauthenticateAccess(AccessRule):
    url_name = "mfa_reauthenticate"
    access = SIGNED_IN
    allowed_status = (302,)  # no authenticator to confirm with: sent on


class TestMfaActivateTotpAccess(AccessRule):
    url_name = "mfa_activate_totp"
    access = SIGNED_IN
    allowed_status = (302,)  # asks to re-enter the password first


class TestMfaDeactivateTotpAccess(AccessRule):
    url_name = "mfa_deactivate_totp"
    access = SIGNED_IN
    allowed_status = (404,)  # nothing to deactivate


class TestMfaViewRecoveryCodesAccess(AccessRule):
    url_name = "mfa_view_recovery_codes"
    access = SIGNED_IN
    allowed_status = (404,)  # no recovery codes without an authenticator


class TestMfaGenerateRecoveryCodesAccess(AccessRule):
    url_name = "mfa_generate_recovery_codes"
    access = SIGNED_IN
    allowed_status = (302,)  # asks to re-enter the password first


class TestMfaDownloadRecoveryCodesAccess(AccessRule):
    url_name = "mfa_download_recovery_codes"
    access = SIGNED_IN
    allowed_status = (404,)  # no recovery codes without an authenticator


assert PUBLIC  # the default for the classes above that do not set `access`
