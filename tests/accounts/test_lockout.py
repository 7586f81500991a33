"""Lockout after failed sign-ins: per account whichever address the guesses come from, per address
whichever accounts they try, and the same account however its name is typed."""

import pytest

from pcc_portal.accounts.lockout import attempted_username
from tests.accounts.factories import UserFactory, sign_in


@pytest.mark.django_db
def test_failures_from_many_addresses_lock_the_account(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong-password-attempt", REMOTE_ADDR=f"203.0.113.{n}")
    locked = sign_in(client, "editor", REMOTE_ADDR="203.0.113.200")
    assert locked.status_code == 429
    assert "Sign-in is locked for now" in locked.content.decode()


@pytest.mark.django_db
def test_failures_on_many_accounts_from_one_address_lock_the_address(client, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 6
    for name in ("alice", "bob", "carol"):
        UserFactory(username=name)
        for _ in range(2):
            sign_in(client, name, "wrong-password-attempt", REMOTE_ADDR="198.51.100.7")
    UserFactory(username="dave")
    assert sign_in(client, "dave", REMOTE_ADDR="198.51.100.7").status_code == 429
    # Nobody's account is locked: from another address each signs in.
    assert sign_in(client, "alice", REMOTE_ADDR="198.51.100.8").status_code == 302


@pytest.mark.django_db
def test_an_address_may_fail_more_often_than_an_account(client, settings):
    # Everyone in an office shares one address: a few typing mistakes there lock nobody out.
    assert settings.AXES_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT
    for name in ("alice", "bob"):
        UserFactory(username=name)
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, name, "wrong-password-attempt")
    UserFactory(username="carol")
    assert sign_in(client, "carol").status_code == 302


@pytest.mark.parametrize(
    ("guessed_as", "then_as"),
    [
        ("editor", "editor@pcc.example.org"),
        ("editor@pcc.example.org", "editor"),
        ("EDITOR", "Editor@PCC.example.org"),
    ],
)
@pytest.mark.django_db
def test_a_lock_holds_however_the_account_is_named(client, editor, settings, guessed_as, then_as):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, guessed_as, "wrong-password-attempt", REMOTE_ADDR=f"203.0.113.{n}")
    assert sign_in(client, then_as, REMOTE_ADDR="203.0.113.200").status_code == 429


@pytest.mark.django_db
def test_signing_in_to_one_account_does_not_forgive_guesses_at_another(client, editor, settings):
    # Otherwise anyone with an account could guess at a colleague's between their own sign-ins.
    UserFactory(username="insider")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "wrong-password-attempt")
    assert sign_in(client, "insider").status_code == 302
    client.post("/accounts/logout/")
    sign_in(client, "editor", "wrong-password-attempt")
    assert sign_in(client, "editor", REMOTE_ADDR="192.0.2.9").status_code == 429


@pytest.mark.django_db
def test_signing_in_forgives_the_account_its_own_mistakes(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "wrong-password-attempt")
    assert sign_in(client, "editor").status_code == 302
    client.post("/accounts/logout/")
    sign_in(client, "editor", "wrong-password-attempt")
    assert sign_in(client, "editor").status_code == 302


@pytest.mark.django_db
def test_the_attempted_account_is_named_by_its_username_however_it_was_typed(editor):
    assert attempted_username(None, {"username": " Editor "}) == "editor"
    assert attempted_username(None, {"email": "EDITOR@pcc.example.org"}) == "editor"
    assert attempted_username(None, {"username": "Nobody@Example.org"}) == "nobody@example.org"
    assert attempted_username(None, {}) is None
