import time

import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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
