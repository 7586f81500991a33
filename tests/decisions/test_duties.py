"""Separation of duties: who may take each step of a decision, by office held that day and by
role, and that nobody plays two parts on one decision.

The matrix covers each step (submit, the monitoring officer's declaration, the chief finance
officer's, sign, publish, reject, withdraw) for each office and role; the named tests after it
cover the author and the signatory trying to declare, a Deputy signing the Commissioner's
decision, a delegated officer over their limit, ended holdings, what the staff page says, and
re-authentication before signing and publishing.
"""

import datetime

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.urls import reverse

from decisions import services
from decisions.models import Decision
from pcc_portal.accounts import roles
from pcc_portal.accounts.models import Office
from pcc_portal.errors import InvalidTransition, NotPermitted
from tests.accounts.factories import (
    PASSWORD,
    UserFactory,
    current_code,
    give_authenticator_app,
    hold,
    reauthenticate,
    sign_in,
)
from tests.decisions.conftest import at, declare
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db

Status = Decision.Status
SUBMITTED_ON, DECLARED_ON, SIGNED_ON = at(2021, 11, 1), at(2021, 11, 2), at(2021, 11, 3)
ENDED = datetime.date(2021, 6, 30)  # before every date the steps here are taken on


@pytest.fixture
def people(
    editor, decision_maker, deputy, monitoring_officer, finance_officer, panel_member, superuser
):
    """Everyone the matrix asks, by name."""
    director_office = Office.objects.create(
        kind=Office.Kind.DELEGATED,
        title="Director of Resources",
        delegation="Contracts and grants within the approved budget.",
        value_limit=50_000,
    )
    director = hold(
        UserFactory(username="director", roles=[roles.DECISION_MAKER]), office=director_office
    )
    former_monitoring_officer = hold(
        UserFactory(username="former-monitoring", roles=[roles.STATUTORY_OFFICER]),
        Office.Kind.MONITORING_OFFICER,
        ends_on=ENDED,
    )
    former_finance_officer = hold(
        UserFactory(username="former-finance", roles=[roles.STATUTORY_OFFICER]),
        Office.Kind.CHIEF_FINANCE_OFFICER,
        ends_on=ENDED,
    )
    former_commissioner = hold(
        UserFactory(username="former-commissioner", roles=[roles.DECISION_MAKER]),
        Office.Kind.COMMISSIONER,
        ends_on=ENDED,
    )
    former_deputy = hold(
        UserFactory(username="former-deputy", roles=[roles.DECISION_MAKER]),
        Office.Kind.DEPUTY,
        ends_on=ENDED,
    )
    return {
        "editor": editor,
        "other editor": UserFactory(username="other-editor", roles=[roles.EDITOR]),
        "commissioner": decision_maker,
        "deputy": deputy,
        "director": director,
        "monitoring officer": monitoring_officer,
        "finance officer": finance_officer,
        "former monitoring officer": former_monitoring_officer,
        "former finance officer": former_finance_officer,
        "former commissioner": former_commissioner,
        "former deputy": former_deputy,
        "panel secretary": UserFactory(username="secretary", roles=[roles.PANEL_SECRETARY]),
        "panel member": panel_member,
        "superuser": superuser,
    }


def _office(kind_or_title):
    if kind_or_title in Office.Kind.values:
        return Office.objects.of_kind(kind_or_title).get()
    return Office.objects.get(title=kind_or_title)


def _draft(people, *, office=Office.Kind.COMMISSIONER, author="editor", **fields):
    return DecisionFactory(decision_maker=_office(office), created_by=people[author], **fields)


def _submitted(people, author="editor", **fields):
    decision = _draft(people, author=author, **fields)
    services.submit_decision(decision=decision, by=people[author], at=SUBMITTED_ON)
    return decision


def _declared(people, **fields):
    decision = _submitted(people, **fields)
    return declare(decision, at=DECLARED_ON)


def _signed(people, **fields):
    decision = _declared(people, **fields)
    signatory = {Office.Kind.DEPUTY: "deputy"}.get(fields.get("office"), "commissioner")
    services.sign_decision(decision=decision, by=people[signatory], signed_at=SIGNED_ON)
    return decision


# Each step, the state it starts from, and what the service is called with.
STEPS = {
    "submit": (
        _draft,
        lambda d, by: services.submit_decision(decision=d, by=by, at=SUBMITTED_ON),
    ),
    "legal declaration": (
        _submitted,
        lambda d, by: services.declare_decision(decision=d, by=by, at=DECLARED_ON),
    ),
    "finance declaration": (
        _submitted,
        lambda d, by: services.declare_decision_finance(decision=d, by=by, at=DECLARED_ON),
    ),
    "sign": (
        _declared,
        lambda d, by: services.sign_decision(decision=d, by=by, signed_at=SIGNED_ON),
    ),
    "publish": (
        _signed,
        lambda d, by: services.publish_decision(decision=d, by=by, note="First publication"),
    ),
    "reject": (
        _declared,
        lambda d, by: services.reject_decision(decision=d, by=by, reason="Not affordable"),
    ),
    "withdraw": (
        _submitted,
        lambda d, by: services.withdraw_decision(decision=d, by=by, reason="Superseded"),
    ),
}

# step, who, whether they may (on a Commissioner's decision written by "editor")
MATRIX = [
    ("submit", "editor", True),
    ("submit", "other editor", True),
    ("submit", "commissioner", True),
    ("submit", "deputy", True),
    ("submit", "director", True),
    ("submit", "superuser", True),
    ("submit", "monitoring officer", False),
    ("submit", "finance officer", False),
    ("submit", "panel secretary", False),
    ("submit", "panel member", False),
    ("legal declaration", "monitoring officer", True),
    ("legal declaration", "former monitoring officer", False),
    ("legal declaration", "finance officer", False),
    ("legal declaration", "editor", False),
    ("legal declaration", "other editor", False),
    ("legal declaration", "commissioner", False),
    ("legal declaration", "deputy", False),
    ("legal declaration", "director", False),
    ("legal declaration", "former commissioner", False),
    ("legal declaration", "panel secretary", False),
    ("legal declaration", "panel member", False),
    ("legal declaration", "superuser", False),
    ("finance declaration", "finance officer", True),
    ("finance declaration", "former finance officer", False),
    ("finance declaration", "monitoring officer", False),
    ("finance declaration", "editor", False),
    ("finance declaration", "other editor", False),
    ("finance declaration", "commissioner", False),
    ("finance declaration", "deputy", False),
    ("finance declaration", "director", False),
    ("finance declaration", "panel secretary", False),
    ("finance declaration", "panel member", False),
    ("finance declaration", "superuser", False),
    ("sign", "commissioner", True),
    ("sign", "former commissioner", False),
    ("sign", "deputy", False),
    ("sign", "former deputy", False),
    ("sign", "director", False),
    ("sign", "monitoring officer", False),
    ("sign", "finance officer", False),
    ("sign", "editor", False),
    ("sign", "other editor", False),
    ("sign", "panel secretary", False),
    ("sign", "panel member", False),
    ("sign", "superuser", False),
    ("publish", "editor", True),
    ("publish", "other editor", True),
    ("publish", "commissioner", True),
    ("publish", "deputy", True),
    ("publish", "director", True),
    ("publish", "superuser", True),
    ("publish", "monitoring officer", False),
    ("publish", "finance officer", False),
    ("publish", "panel secretary", False),
    ("publish", "panel member", False),
    ("reject", "commissioner", True),
    ("reject", "former commissioner", False),
    ("reject", "deputy", False),
    ("reject", "director", False),
    ("reject", "monitoring officer", False),
    ("reject", "finance officer", False),
    ("reject", "editor", False),
    ("reject", "panel secretary", False),
    ("reject", "panel member", False),
    ("reject", "superuser", False),
    ("withdraw", "editor", True),
    ("withdraw", "other editor", True),
    ("withdraw", "commissioner", True),
    ("withdraw", "superuser", True),
    ("withdraw", "monitoring officer", False),
    ("withdraw", "finance officer", False),
    ("withdraw", "panel secretary", False),
    ("withdraw", "panel member", False),
]


# What each step changes, to tell that it was taken.
TAKEN = {
    "submit": lambda d: d.status == Status.SUBMITTED,
    "legal declaration": lambda d: d.legal_declared,
    "finance declaration": lambda d: d.finance_declared,
    "sign": lambda d: d.status == Status.SIGNED,
    "publish": lambda d: d.is_published and d.versions.exists(),
    "reject": lambda d: d.status == Status.REJECTED,
    "withdraw": lambda d: d.status == Status.WITHDRAWN,
}


@pytest.mark.parametrize(
    ("step", "who", "may"),
    MATRIX,
    ids=[f"{step}-{who}-{'may' if may else 'may not'}" for step, who, may in MATRIX],
)
def test_who_may_take_each_step(people, step, who, may):
    prepare, take = STEPS[step]
    decision = prepare(people)
    if may:
        take(decision, people[who])
    else:
        with pytest.raises(NotPermitted):
            take(decision, people[who])
    assert TAKEN[step](Decision.objects.get(pk=decision.pk)) is may


# --- the author and the signatory -----------------------------------------------------------------
def test_the_author_never_declares_on_their_own_decision(people):
    # An editor who also holds the Monitoring Officer office, and one who is the chief finance
    # officer, each draft a decision: neither may declare on it.
    hold(people["other editor"], Office.Kind.MONITORING_OFFICER)
    hold(people["editor"], Office.Kind.CHIEF_FINANCE_OFFICER)
    own_legal = _submitted(people, author="other editor")
    with pytest.raises(NotPermitted, match="You drafted or submitted this decision"):
        services.declare_decision(decision=own_legal, by=people["other editor"], at=DECLARED_ON)
    own_finance = _submitted(people, author="editor")
    with pytest.raises(NotPermitted, match="You drafted or submitted this decision"):
        services.declare_decision_finance(decision=own_finance, by=people["editor"])
    # Someone who only submitted it counts as its author too.
    drafted_by_another = _draft(people, author="editor")
    services.submit_decision(decision=drafted_by_another, by=people["other editor"])
    with pytest.raises(NotPermitted, match="You drafted or submitted"):
        services.declare_decision(decision=drafted_by_another, by=people["other editor"])


def test_the_author_never_signs_their_own_decision(people):
    own = _submitted(people, author="commissioner")
    declare(own, at=DECLARED_ON)
    with pytest.raises(NotPermitted, match="You drafted or submitted this decision: you cannot"):
        services.sign_decision(decision=own, by=people["commissioner"], signed_at=SIGNED_ON)


def test_the_signatory_never_declares_and_no_one_makes_both_declarations(people):
    # The Commissioner's account wrongly given the Monitoring Officer office too (the tester's
    # "Demo Commissioner, Monitoring Officer"): declaring it is then signing it is refused.
    commissioner = hold(people["commissioner"], Office.Kind.MONITORING_OFFICER)
    hold(commissioner, Office.Kind.CHIEF_FINANCE_OFFICER)
    decision = _submitted(people)
    services.declare_decision(decision=decision, by=commissioner, at=DECLARED_ON)
    with pytest.raises(NotPermitted, match="monitoring officer's declaration on this decision"):
        services.declare_decision_finance(decision=decision, by=commissioner, at=DECLARED_ON)
    services.declare_decision_finance(
        decision=decision, by=people["finance officer"], at=DECLARED_ON
    )
    with pytest.raises(NotPermitted, match="You made a declaration on this decision"):
        services.sign_decision(decision=decision, by=commissioner, signed_at=SIGNED_ON)
    assert Decision.objects.get(pk=decision.pk).status == Status.DECLARED


# --- the decision's own office -------------------------------------------------------------------
def test_a_deputy_signs_the_deputys_decisions_and_not_the_commissioners(people):
    commissioners = _declared(people)
    with pytest.raises(NotPermitted) as refused:
        services.sign_decision(decision=commissioners, by=people["deputy"], signed_at=SIGNED_ON)
    assert str(refused.value) == (
        "This decision is for the Police and Crime Commissioner to sign: Test "
        f"{people['deputy'].last_name} does not hold that office on 3 November 2021."
    )
    deputys = _declared(people, office=Office.Kind.DEPUTY)
    with pytest.raises(NotPermitted, match="for the Deputy Police and Crime Commissioner"):
        services.sign_decision(decision=deputys, by=people["commissioner"], signed_at=SIGNED_ON)
    services.sign_decision(decision=deputys, by=people["deputy"], signed_at=SIGNED_ON)
    assert deputys.signatory_title == "Deputy Police and Crime Commissioner"
    assert deputys.signatory_holding.user == people["deputy"]


def _set_limit(title, limit):
    office = _office(title)
    office.value_limit = limit
    office.save()


def test_a_delegated_officer_signs_only_within_their_limit(people):
    within = _declared(people, office="Director of Resources", value=50_000)
    services.sign_decision(decision=within, by=people["director"], signed_at=SIGNED_ON)
    assert within.status == Status.SIGNED and within.signatory_title == "Director of Resources"

    # Submitted within the limit, then the scheme of delegation lowers it: the signature is
    # checked against the limit on the day.
    over = _declared(people, office="Director of Resources", value=40_000)
    _set_limit("Director of Resources", 25_000)
    with pytest.raises(NotPermitted) as refused:
        services.sign_decision(decision=over, by=people["director"], signed_at=SIGNED_ON)
    assert str(refused.value) == (
        "The decision's value, \u00a340,000, is over the \u00a325,000 limit of the Director of "
        "Resources under the scheme of delegation."
    )
    assert Decision.objects.get(pk=over.pk).status == Status.DECLARED

    # Without a value, a decision with financial implications cannot be checked against it.
    _set_limit("Director of Resources", None)
    unknown = _declared(people, office="Director of Resources", value=None)
    _set_limit("Director of Resources", 25_000)
    with pytest.raises(NotPermitted, match="give the decision's value"):
        services.sign_decision(decision=unknown, by=people["director"], signed_at=SIGNED_ON)

    # Without financial implications and without a value there is nothing to exceed.
    policy = _declared(
        people,
        office="Director of Resources",
        has_financial_implications=False,
        financial_implications="",
    )
    services.sign_decision(decision=policy, by=people["director"], signed_at=SIGNED_ON)


def test_a_decision_over_its_offices_limit_cannot_be_submitted(people):
    over = _draft(people, office="Director of Resources", value=75_000)
    with pytest.raises(InvalidTransition, match="over the \u00a350,000 limit"):
        services.submit_decision(decision=over, by=people["editor"])


def test_the_commissioner_has_no_limit(people):
    decision = _declared(people, value=4_000_000)
    services.sign_decision(decision=decision, by=people["commissioner"], signed_at=SIGNED_ON)
    assert decision.status == Status.SIGNED


# --- holdings on the day -----------------------------------------------------------------------
def test_an_ended_holding_does_not_count_and_one_not_yet_begun_neither(people):
    decision = _submitted(people)
    with pytest.raises(NotPermitted, match="does not hold the office of Monitoring Officer on 2"):
        services.declare_decision(
            decision=decision, by=people["former monitoring officer"], at=DECLARED_ON
        )
    # The day before their holding ended, the former monitoring officer could declare.
    services.declare_decision(
        decision=decision, by=people["former monitoring officer"], at=at(2021, 6, 30)
    )
    assert decision.monitoring_officer_holding.ends_on == ENDED

    newcomer = hold(
        UserFactory(username="newcomer", roles=[roles.DECISION_MAKER]),
        Office.Kind.COMMISSIONER,
        starts_on=datetime.date(2024, 5, 9),
    )
    declared = _declared(people)
    with pytest.raises(NotPermitted, match="does not hold that office on 3 November 2021"):
        services.sign_decision(decision=declared, by=newcomer, signed_at=SIGNED_ON)
    with pytest.raises(NotPermitted):
        services.sign_decision(
            decision=declared, by=people["former commissioner"], signed_at=SIGNED_ON
        )


def test_the_record_keeps_who_held_the_office_then(people):
    decision = _signed(people)
    office = _office(Office.Kind.COMMISSIONER)
    office.title = "Police, Fire and Crime Commissioner"
    office.save()
    people["commissioner"].first_name = "Renamed"
    people["commissioner"].save()
    decision.refresh_from_db()
    assert decision.signatory_title == "Police and Crime Commissioner"
    assert decision.signatory_name == f"Test {people['commissioner'].last_name}"
    assert decision.monitoring_officer_title == "Monitoring Officer"


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


# --- the Deputy's delegation, and one who no longer holds the office -----------------------------
def test_a_deputy_signs_only_within_the_delegation_the_scheme_gives_them(people):
    _set_limit(Office.Kind.DEPUTY, 100_000)
    over = _draft(people, office=Office.Kind.DEPUTY, value=250_000)
    with pytest.raises(InvalidTransition, match="over the \u00a3100,000 limit of the Deputy"):
        services.submit_decision(decision=over, by=people["editor"], at=SUBMITTED_ON)
    # Within the delegation when submitted; the scheme then narrows it: refused at signature.
    within = _declared(people, office=Office.Kind.DEPUTY, value=80_000)
    _set_limit(Office.Kind.DEPUTY, 50_000)
    with pytest.raises(NotPermitted, match="over the \u00a350,000 limit of the Deputy"):
        services.sign_decision(decision=within, by=people["deputy"], signed_at=SIGNED_ON)
    assert Decision.objects.get(pk=within.pk).status == Status.DECLARED
    _set_limit(Office.Kind.DEPUTY, None)
    services.sign_decision(decision=within, by=people["deputy"], signed_at=SIGNED_ON)
    assert Decision.objects.get(pk=within.pk).status == Status.SIGNED


def test_a_former_deputy_may_not_sign_or_reject_a_deputys_decision(people):
    deputys = _declared(people, office=Office.Kind.DEPUTY)
    with pytest.raises(NotPermitted, match="does not hold that office on 3 November 2021"):
        services.sign_decision(decision=deputys, by=people["former deputy"], signed_at=SIGNED_ON)
    with pytest.raises(NotPermitted, match="does not hold that office"):
        services.reject_decision(decision=deputys, by=people["former deputy"], reason="No")
    assert Decision.objects.get(pk=deputys.pk).status == Status.DECLARED


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
