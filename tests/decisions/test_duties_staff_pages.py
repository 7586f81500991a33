"""Separation of duties on the staff page: each step offered to the office holder and the
reason it is refused to others, and re-authentication before signing, publishing and withdrawing."""

import datetime

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.urls import reverse

from decisions import services
from decisions.models import Decision
from tests.accounts.factories import (
    PASSWORD,
    current_code,
    give_authenticator_app,
    reauthenticate,
    sign_in,
)
from tests.decisions.duties_helpers import Status, _declared, _signed, _submitted

pytestmark = pytest.mark.django_db


# --- the staff page ------------------------------------------------------------------------------
def _page(client, user, decision):
    client.force_login(user)
    response = client.get(reverse("decisions_manage:detail", kwargs={"pk": decision.pk}))
    return " ".join(response.content.decode().split())


def test_the_staff_page_offers_each_step_to_the_office_holder_and_says_why_not_to_others(
    client, people
):
    submitted = _submitted(people)
    page = _page(client, people["monitoring officer"], submitted)
    assert "Make the monitoring officer's declaration" in page
    assert "Make the chief finance officer's declaration" not in page
    page = _page(client, people["finance officer"], submitted)
    assert "Make the chief finance officer's declaration" in page
    page = _page(client, people["editor"], submitted)
    assert "Make the monitoring officer" not in page
    assert "does not hold the office of Monitoring Officer" in page

    declared = _declared(people)
    page = _page(client, people["deputy"], declared)
    assert "Approve and sign" not in page
    assert "This decision is for the Police and Crime Commissioner to sign" in page
    page = _page(client, people["commissioner"], declared)
    assert "Approve and sign" in page
    assert f"{people['monitoring officer'].get_full_name()}, Monitoring Officer" in page
    assert f"{people['finance officer'].get_full_name()}, Chief Finance Officer" in page


def test_a_refused_step_through_the_staff_page_shows_the_reason(client, people):
    declared = _declared(people)
    client.force_login(people["deputy"])
    reauthenticate(client)
    response = client.post(
        reverse("decisions_manage:sign", kwargs={"pk": declared.pk}), follow=True
    )
    assert "This decision is for the Police and Crime Commissioner to sign" in (
        response.content.decode()
    )
    assert Decision.objects.get(pk=declared.pk).status == Status.DECLARED

    submitted = _submitted(people)
    client.force_login(people["editor"])
    response = client.post(
        reverse("decisions_manage:declare", kwargs={"pk": submitted.pk}), follow=True
    )
    assert "does not hold the office of Monitoring Officer" in response.content.decode()


def test_declarations_through_the_staff_page_in_either_order(client, people):
    submitted = _submitted(people)
    client.force_login(people["finance officer"])
    response = client.post(
        reverse("decisions_manage:declare_finance", kwargs={"pk": submitted.pk}), follow=True
    )
    assert "awaits the other declaration" in response.content.decode()
    client.force_login(people["monitoring officer"])
    response = client.post(
        reverse("decisions_manage:declare", kwargs={"pk": submitted.pk}), follow=True
    )
    assert "ready for signature" in response.content.decode()
    assert Decision.objects.get(pk=submitted.pk).status == Status.DECLARED


# --- re-authentication ---------------------------------------------------------------------------
def test_signing_without_recent_authentication_asks_for_the_password_first(client, people):
    declared = _declared(people)
    client.force_login(people["commissioner"])  # signed in, but not just now
    url = reverse("decisions_manage:sign", kwargs={"pk": declared.pk})
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/reauthenticate/?next={url.replace('/', '%2F')}"
    assert Decision.objects.get(pk=declared.pk).status == Status.DECLARED

    # Giving the password carries on with the signature that asked for it.
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    signed = Decision.objects.get(pk=declared.pk)
    assert signed.status == Status.SIGNED and signed.signed_by == people["commissioner"]
    reason = signed.history.first().history_change_reason
    assert reason.startswith(f"Signed as decision {signed.reference} by ")
    assert "; re-authenticated at " in reason


def test_a_re_authentication_more_than_five_minutes_old_asks_again(client, people):
    declared = _declared(people)
    client.force_login(people["commissioner"])
    reauthenticate(client)
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    records[-1]["at"] -= 6 * 60
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()
    response = client.post(reverse("decisions_manage:sign", kwargs={"pk": declared.pk}))
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_publishing_needs_recent_authentication_too(client, people):
    signed = _signed(people)
    client.force_login(people["editor"])
    url = reverse("decisions_manage:publish", kwargs={"pk": signed.pk})
    response = client.post(url, {"change_note": "First publication", "confirm": "on"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert Decision.objects.get(pk=signed.pk).status == Status.SIGNED
    reauthenticate(client)
    client.post(url, {"change_note": "First publication", "confirm": "on"})
    published = Decision.objects.get(pk=signed.pk)
    assert published.is_published and published.status == Status.SIGNED
    assert "re-authenticated at" in published.history.first().history_change_reason


def test_with_two_factor_sign_in_it_asks_for_a_code(client, people, settings):
    settings.REQUIRE_MFA = True
    commissioner = people["commissioner"]
    give_authenticator_app(commissioner)
    declared = _declared(people)
    sign_in(client, commissioner.username)
    client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    url = reverse("decisions_manage:sign", kwargs={"pk": declared.pk})
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")
    assert Decision.objects.get(pk=declared.pk).status == Status.DECLARED


# --- re-authentication for every release, withdrawal included ------------------------------------
def test_withdrawing_a_published_decision_asks_for_the_password_and_records_it(
    client, people, django_capture_on_commit_callbacks
):
    from django.contrib.contenttypes.models import ContentType

    signed = _signed(people)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_decision(decision=signed, by=people["editor"], note="First publication")
    url = reverse(
        "publications_manage:withdraw",
        kwargs={"content_type_id": ContentType.objects.get_for_model(Decision).pk, "pk": signed.pk},
    )
    client.force_login(people["editor"])
    response = client.post(url, {"reason": "Published before the signature was checked"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert signed.withdrawal() is None
    reauthenticate(client)
    assert client.post(url, {"reason": "Published in error"}).status_code == 302
    assert signed.withdrawal() is not None
    reason = Decision.objects.get(pk=signed.pk).history.first().history_change_reason
    assert reason.startswith("Withdrawn: Published in error; re-authenticated at ")


def test_publishing_a_decisions_report_asks_for_the_password(client, people):
    report = services.prepare_decisions_report(
        period_start=datetime.date(2021, 10, 1), period_end=datetime.date(2021, 11, 30)
    )
    url = reverse("decisions_manage:report_publish", kwargs={"pk": report.pk})
    client.force_login(people["editor"])
    data = {"change_note": "First publication", "confirm": "on"}
    assert client.post(url, data)["Location"].startswith("/accounts/reauthenticate/")
    assert not report.versions.exists()
    reauthenticate(client)
    assert client.post(url, data).status_code == 302
    assert report.versions.count() == 1
