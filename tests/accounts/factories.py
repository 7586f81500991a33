"""Users for tests: staff with a role, the offices they hold, their authenticator apps, and
signing them in."""

import datetime
import time

import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pcc_portal.accounts import roles as portal_roles
from pcc_portal.accounts.models import Office, OfficeHolding

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@pcc.example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        for role in extracted or ():
            user.groups.add(Group.objects.get(name=role))


TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def give_authenticator_app(user, secret=TOTP_SECRET):
    return Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": secret}
    )


def current_code(secret=TOTP_SECRET):
    """The code the authenticator app shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def wrong_code(secret=TOTP_SECRET):
    return f"{(int(current_code(secret)) + 500_000) % 1_000_000:06d}"


# Office holdings in tests start long before any date a test signs or declares on.
IN_OFFICE_FROM = datetime.date(2016, 1, 1)


def hold(user, kind=None, *, office=None, starts_on=IN_OFFICE_FROM, ends_on=None):
    """Give ``user`` the office (or the statutory office of ``kind``) for a period."""
    office = office or Office.objects.of_kind(kind).get()
    OfficeHolding.objects.get_or_create(
        user=user, office=office, starts_on=starts_on, defaults={"ends_on": ends_on}
    )
    return user


def commissioner_user(username="commissioner"):
    """A decision maker holding the office of Police and Crime Commissioner."""
    user = UserFactory(username=username, roles=[portal_roles.DECISION_MAKER])
    return hold(user, Office.Kind.COMMISSIONER)


def deputy_user(username="deputy"):
    user = UserFactory(username=username, roles=[portal_roles.DECISION_MAKER])
    return hold(user, Office.Kind.DEPUTY)


def monitoring_officer_user(username="monitoring"):
    """The Chief Executive, who is the monitoring officer too."""
    user = UserFactory(username=username, roles=[portal_roles.STATUTORY_OFFICER])
    hold(user, Office.Kind.CHIEF_EXECUTIVE)
    return hold(user, Office.Kind.MONITORING_OFFICER)


def finance_officer_user(username="finance"):
    user = UserFactory(username=username, roles=[portal_roles.STATUTORY_OFFICER])
    return hold(user, Office.Kind.CHIEF_FINANCE_OFFICER)


def sign_in(client, login, password=PASSWORD, **extra):
    """Post the sign-in form as ``login``; ``extra`` goes to the request (``REMOTE_ADDR``...)."""
    return client.post("/accounts/login/", {"login": login, "password": password}, **extra)


def reauthenticate(client, password=PASSWORD):
    """Confirm the password again, as allauth asks before signing or publishing."""
    response = client.post("/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response
