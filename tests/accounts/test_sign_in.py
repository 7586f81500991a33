"""Signing in: lockout, password rules, two-factor requirement, the security log."""

import logging

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.accounts.factories import (
    PASSWORD,
    UserFactory,
    current_code,
    give_authenticator_app,
    sign_in,
)


@pytest.mark.django_db
def test_staff_sign_in_lands_on_the_staff_dashboard(client, editor):
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/manage/"


@pytest.mark.django_db
def test_panel_member_sign_in_lands_on_the_home_page(client, panel_member):
    response = sign_in(client, "member", PASSWORD)
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_wrong_password_shows_the_error_and_keeps_the_username(client, editor):
    response = sign_in(client, "editor", "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'value="editor"' in page
    assert "<title>Error: Sign in" in page


@pytest.mark.django_db
def test_repeated_failures_lock_the_username_at_that_address(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong-password-attempt")
    locked = sign_in(client, "editor", PASSWORD)
    assert locked.status_code == 429
    assert "Sign-in is locked for now" in locked.content.decode()
    # Another account at the same address is not locked out by someone guessing at this one.
    UserFactory(username="other")
    assert sign_in(client, "other", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_sign_in_failures_successes_and_lockouts_are_logged(client, editor, settings, caplog):
    caplog.set_level(logging.INFO, logger="pcc_portal.security")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong-password-attempt")
    messages = [record.getMessage() for record in caplog.records]
    assert any(message.startswith("sign-in failed user=editor") for message in messages)
    assert any(message.startswith("locked out user=editor") for message in messages)
    client.post("/accounts/logout/")


@pytest.mark.django_db
def test_sign_in_and_sign_out_are_logged(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="pcc_portal.security")
    sign_in(client, "editor", PASSWORD)
    client.post("/accounts/logout/")
    messages = [record.getMessage() for record in caplog.records]
    assert "sign-in user=editor address=127.0.0.1" in messages
    assert "sign-out user=editor address=127.0.0.1" in messages


@pytest.mark.parametrize("password", ["short-pass1", "password1234", "123456789012345"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("tangerine-lighthouse-drizzle")


@pytest.mark.django_db
def test_sign_up_is_closed(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "intruder",
            "email": "intruder@example.org",
            "password1": "tangerine-lighthouse-drizzle",
            "password2": "tangerine-lighthouse-drizzle",
        },
    )
    assert "Accounts are created by the administrator" in response.content.decode()
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="intruder").exists()


@pytest.mark.django_db
def test_with_mfa_required_staff_must_set_up_an_authenticator_first(client, editor, settings):
    settings.REQUIRE_MFA = True
    client.force_login(editor)
    response = client.get("/manage/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # The set-up pages themselves stay reachable.
    assert client.get("/accounts/2fa/").status_code == 200


@pytest.mark.django_db
def test_with_mfa_required_staff_with_an_authenticator_go_through(client, editor, settings):
    settings.REQUIRE_MFA = True
    give_authenticator_app(editor)
    sign_in(client, "editor", PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert client.get("/manage/").status_code == 200


@pytest.mark.django_db
def test_without_mfa_required_staff_go_straight_through(client, editor, settings):
    settings.REQUIRE_MFA = False
    client.force_login(editor)
    assert client.get("/manage/").status_code == 200


@pytest.mark.django_db
def test_with_mfa_required_the_password_check_before_set_up_is_reachable(client, editor, settings):
    # allauth asks for the password again before adding an authenticator: no redirect loop.
    settings.REQUIRE_MFA = True
    client.force_login(editor)
    assert client.get("/accounts/reauthenticate/").status_code == 200
