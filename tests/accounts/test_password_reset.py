"""Password reset: it tells nobody which addresses have accounts, mails only those that do, and
cannot be used to flood an inbox."""

import pytest
from django.core import mail

from tests.accounts.factories import UserFactory

RESET = "/accounts/password/reset/"


def _ask_for_reset(client, email, address="127.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_no_email_goes_to_an_address_without_an_account_and_the_answer_is_the_same(client, editor):
    unknown = _ask_for_reset(client, "stranger@example.org")
    assert len(mail.outbox) == 0
    known = _ask_for_reset(client, "editor@pcc.example.org")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor@pcc.example.org"]
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]


@pytest.mark.django_db
def test_reset_emails_to_one_address_are_limited(client, editor):
    for n in range(3):
        assert _ask_for_reset(client, "editor@pcc.example.org", f"203.0.113.{n}").status_code == 302
    refused = _ask_for_reset(client, "Editor@pcc.example.org", "203.0.113.99")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Too many requests" in page
    assert "the email already sent still works" in page
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_reset_requests_from_one_address_are_limited(client):
    for n in range(10):
        UserFactory(username=f"staff{n}")
        assert _ask_for_reset(client, f"staff{n}@pcc.example.org").status_code == 302
    assert _ask_for_reset(client, "someone-else@example.org").status_code == 429
    assert len(mail.outbox) == 10
