"""Offices and who holds them: the statutory offices every OPCC has, the rules the database
keeps, and the staff pages that manage them."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.urls import reverse

from pcc_portal.accounts.models import Office, OfficeHolding
from tests.accounts.factories import UserFactory, hold
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2021, 11, 3)


@pytest.fixture
def manager(client):
    user = UserFactory(username="office-manager")
    user.user_permissions.add(Permission.objects.get(codename="manage_offices"))
    client.force_login(user)
    return user


def test_the_statutory_offices_exist_from_the_start():
    assert set(Office.objects.values_list("kind", flat=True)) >= {
        "commissioner",
        "deputy",
        "chief_executive",
        "monitoring_officer",
        "chief_finance_officer",
    }
    assert {office.kind for office in Office.objects.decision_making()} >= {
        "commissioner",
        "deputy",
    }


def test_a_holding_counts_from_its_first_to_its_last_day():
    user = hold(
        UserFactory(),
        Office.Kind.MONITORING_OFFICER,
        starts_on=datetime.date(2020, 4, 1),
        ends_on=datetime.date(2021, 6, 30),
    )
    held_on = OfficeHolding.objects.filter(user=user).on
    assert held_on(datetime.date(2020, 4, 1)).exists()
    assert held_on(datetime.date(2021, 6, 30)).exists()
    assert not held_on(datetime.date(2021, 7, 1)).exists()
    assert not held_on(datetime.date(2020, 3, 31)).exists()


def test_one_person_may_hold_several_offices(monitoring_officer):
    kinds = OfficeHolding.objects.on(DAY).filter(user=monitoring_officer)
    assert set(kinds.values_list("office__kind", flat=True)) == {
        "chief_executive",
        "monitoring_officer",
    }


def test_the_database_refuses_a_holding_that_ends_before_it_starts():
    office = Office.objects.of_kind(Office.Kind.DEPUTY).get()
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeHolding.objects.create(
            user=UserFactory(), office=office, starts_on=DAY, ends_on=DAY - datetime.timedelta(1)
        )


def test_the_database_refuses_a_second_commissioner_and_a_limit_on_a_statutory_officer():
    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.create(kind=Office.Kind.COMMISSIONER, title="Another Commissioner")
    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.create(kind=Office.Kind.DELEGATED, title="Head of Estates", value_limit=-1)
    office = Office.objects.of_kind(Office.Kind.CHIEF_FINANCE_OFFICER).get()
    office.value_limit = 10_000
    with pytest.raises(IntegrityError), transaction.atomic():
        office.save()


def test_the_offices_page_lists_each_office_with_its_holders(client, manager, monitoring_officer):
    former = hold(
        UserFactory(first_name="Former", last_name="Officer"),
        Office.Kind.MONITORING_OFFICER,
        ends_on=datetime.date(2021, 6, 30),
    )
    page = " ".join(client.get(reverse("offices_manage:list")).content.decode().split())
    assert '<h1 class="govuk-heading-xl">Offices and who holds them</h1>' in page
    monitoring = page.split(">Monitoring Officer</h2>")[1].split("</h2>")[0]
    assert f'Held today by</dt><dd class="govuk-summary-list__value">{monitoring_officer}' in (
        monitoring
    )
    assert str(former) in monitoring and "30 June 2021" in monitoring


def test_a_delegated_office_is_added_with_what_it_may_decide_and_its_limit(client, manager):
    response = client.post(
        reverse("offices_manage:create"),
        {
            "kind": "delegated",
            "title": "Director of Resources",
            "delegation": "Contracts and grants within the approved budget.",
            "value_limit": "50000",
        },
    )
    office = Office.objects.get(title="Director of Resources")
    assert response.status_code == 302
    assert response["Location"] == f"/manage/offices/#office-{office.pk}"
    assert office.is_decision_making and office.value_limit == 50_000
    assert office.history.first().history_change_reason == "Created"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"kind": "chief_finance_officer", "title": "Treasurer", "value_limit": "5000"},
            "value_limit",
            "Only an office that makes decisions has a value limit",
        ),
        (
            {"kind": "commissioner", "title": "Second Commissioner"},
            "kind",
            "There is already an office of Police and Crime Commissioner",
        ),
        ({"kind": "delegated", "title": "Monitoring Officer"}, "title", "already an office"),
        ({"kind": "delegated", "title": "Head of Estates", "value_limit": "lots"}, "value_limit",
         "Enter the limit in pounds"),
    ],
)  # fmt: skip
def test_an_office_form_with_a_mistake_is_shown_again_with_the_reason(
    client, manager, data, field, message
):
    response = client.post(reverse("offices_manage:create"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page and "govuk-error-summary" in page
    assert message in page
    assert f'href="#id_{field}' in page


def test_an_office_that_makes_decisions_cannot_stop_making_them(client, manager):
    DecisionFactory()  # a decision of the Commissioner's office
    office = Office.objects.of_kind(Office.Kind.COMMISSIONER).get()
    response = client.post(
        reverse("offices_manage:edit", kwargs={"pk": office.pk}),
        {"kind": "chief_executive", "title": office.title},
    )
    assert "Decisions are made by this office" in response.content.decode()


def test_a_holder_is_added_and_their_last_day_recorded_when_they_leave(client, manager):
    office = Office.objects.of_kind(Office.Kind.CHIEF_FINANCE_OFFICER).get()
    officer = UserFactory(first_name="Steve", last_name="Freeman")
    response = client.post(
        reverse("offices_manage:holding_create", kwargs={"pk": office.pk}),
        {"user": officer.pk, "starts_on": "2019-04-01"},
    )
    assert response.status_code == 302
    holding = OfficeHolding.objects.get(user=officer, office=office)
    assert holding.is_held_on(DAY)

    url = reverse("offices_manage:holding_edit", kwargs={"pk": holding.pk})
    response = client.post(url, {"user": UserFactory().pk, "starts_on": "2019-04-01",
                                 "ends_on": "2021-06-30"})  # fmt: skip
    holding.refresh_from_db()
    assert holding.user == officer  # who held it stays on the record
    assert holding.ends_on == datetime.date(2021, 6, 30)
    assert not holding.is_held_on(DAY)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"starts_on": "2021-06-30", "ends_on": "2021-04-01"}, "must be on or after the first"),
        ({"starts_on": "2020-01-01"}, "already holds this office for some of these dates"),
        ({"starts_on": "not a date"}, "Enter the first day in office as a date"),
    ],
)
def test_a_holding_form_with_a_mistake_is_shown_again_with_the_reason(
    client, manager, finance_officer, data, message
):
    office = Office.objects.of_kind(Office.Kind.CHIEF_FINANCE_OFFICER).get()
    response = client.post(
        reverse("offices_manage:holding_create", kwargs={"pk": office.pk}),
        {"user": finance_officer.pk, **data},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "<title>Error:" in page
    assert message in page
    assert OfficeHolding.objects.filter(user=finance_officer).count() == 1
