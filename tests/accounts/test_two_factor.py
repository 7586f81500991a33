"""Two-factor sign-in: no way round the code (the admin's own sign-in page included), and wrong
codes locked out like wrong passwords."""

import logging

import pytest
from django.core.cache import cache
from django.test import Client

from tests.accounts.factories import (
    PASSWORD,
    UserFactory,
    current_code,
    give_authenticator_app,
    sign_in,
    wrong_code,
)


@pytest.fixture
def mfa_required(settings):
    settings.REQUIRE_MFA = True


def _enter_code(client, code, **extra):
    return client.post("/accounts/2fa/authenticate/", {"code": code}, **extra)


def _signed_in(client):
    return "_auth_user_id" in client.session


# The admin's sign-in page ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_sign_in_page_cannot_skip_the_second_factor(client, superuser, mfa_required):
    give_authenticator_app(superuser)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "admin", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    assert not _signed_in(client)
    assert client.get("/manage/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_the_admin_sign_in_page_sends_people_to_the_portal_sign_in_with_where_they_were_going(
    client,
):
    response = client.get("/admin/login/?next=/admin/accounts/user/")
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Faccounts%2Fuser%2F"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/admin/"])
@pytest.mark.django_db
def test_the_admin_sign_in_page_drops_a_next_address_on_another_site(client, next_url):
    response = client.get("/admin/login/", {"next": next_url})
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


@pytest.mark.django_db
def test_a_superuser_reaches_the_admin_with_password_and_code(client, superuser, mfa_required):
    give_authenticator_app(superuser)
    to_sign_in = client.get("/admin/", follow=True).redirect_chain[-1][0]
    assert to_sign_in == "/accounts/login/?next=%2Fadmin%2F"
    response = client.post(to_sign_in, {"login": "admin", "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert not _signed_in(client)
    assert _enter_code(client, current_code())["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_signed_in_account_without_admin_rights_is_refused_not_sent_round_in_circles(
    client, editor
):
    client.force_login(editor)
    assert client.get("/admin/login/?next=/admin/").status_code == 403


@pytest.mark.django_db
def test_a_signed_in_superuser_at_the_admin_sign_in_page_goes_on_to_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/login/?next=/admin/accounts/user/")["Location"] == (
        "/admin/accounts/user/"
    )


# Sessions that never passed the second factor -------------------------------------------------


@pytest.mark.django_db
def test_with_mfa_required_a_session_that_skipped_the_code_is_signed_out(
    client, editor, mfa_required, caplog
):
    caplog.set_level(logging.WARNING, logger="pcc_portal.security")
    give_authenticator_app(editor)
    client.force_login(editor)  # as a password-only sign-in would leave it
    response = client.get("/manage/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/manage/"
    assert not _signed_in(client)
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("signed out: no two-factor sign-in user=editor") for m in messages)


@pytest.mark.django_db
def test_with_mfa_required_a_session_that_skipped_the_code_cannot_reach_the_two_factor_pages(
    client, editor, mfa_required
):
    # From there it could remove the app after asking for the password alone.
    give_authenticator_app(editor)
    client.force_login(editor)
    assert client.get("/accounts/2fa/totp/deactivate/")["Location"].startswith("/accounts/login/")
    assert not _signed_in(client)


@pytest.mark.django_db
def test_with_mfa_required_password_and_code_reach_the_staff_area(client, editor, mfa_required):
    give_authenticator_app(editor)
    assert sign_in(client, "editor")["Location"] == "/accounts/2fa/authenticate/"
    assert not _signed_in(client)
    assert _enter_code(client, current_code())["Location"] == "/manage/"
    assert client.get("/manage/").status_code == 200


# allauth announces the new app once its transaction commits, as it does in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_setting_up_the_app_counts_as_the_second_factor_for_that_session(
    client, editor, mfa_required
):
    assert sign_in(client, "editor")["Location"] == "/manage/"
    assert client.get("/manage/")["Location"] == "/accounts/2fa/totp/activate/"
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})  # allauth asks again first
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/manage/").status_code == 200


# Wrong codes ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_wrong_codes_lock_sign_in_even_against_the_right_code(client, editor, settings):
    give_authenticator_app(editor)
    sign_in(client, "editor")
    responses = [_enter_code(client, wrong_code()) for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert [r.status_code for r in responses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert responses[-1].status_code == 429

    refused = _enter_code(client, current_code())
    assert refused.status_code == 429
    assert "Sign-in is locked for now" in refused.content.decode()
    assert not _signed_in(client)
    # The account is locked, not only this attempt: its password is refused too, from anywhere.
    assert sign_in(Client(), "editor", REMOTE_ADDR="192.0.2.50").status_code == 429


@pytest.mark.django_db
def test_wrong_codes_are_counted_against_the_address_too(client, editor, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 3
    give_authenticator_app(editor)
    sign_in(client, "editor")
    for _ in range(3):
        _enter_code(client, wrong_code())
    UserFactory(username="colleague")
    assert sign_in(Client(), "colleague").status_code == 429


@pytest.mark.django_db
def test_wrong_codes_when_confirming_who_you_are_are_locked_out_too(client, editor, settings):
    give_authenticator_app(editor)
    sign_in(client, "editor")
    _enter_code(client, current_code())
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/2fa/reauthenticate/", {"code": wrong_code()})
    cache.clear()  # forgets that the sign-in used this code, so the code is right again
    refused = client.post("/accounts/2fa/reauthenticate/", {"code": current_code()})
    assert refused.status_code == 429
    assert "Sign-in is locked for now" in refused.content.decode()


@pytest.mark.django_db
def test_wrong_codes_are_logged(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="pcc_portal.security")
    give_authenticator_app(editor)
    sign_in(client, "editor")
    _enter_code(client, wrong_code())
    messages = [record.getMessage() for record in caplog.records]
    assert "wrong two-factor code user=editor address=127.0.0.1" in messages
