import pytest
from django.core.cache import cache

from pcc_portal.accounts import roles
from tests.accounts.factories import (
    UserFactory,
    commissioner_user,
    deputy_user,
    finance_officer_user,
    monitoring_officer_user,
)

pytest_plugins = ["tests.worker"]


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", roles=[roles.EDITOR])


@pytest.fixture
def decision_maker(db):
    """The Commissioner: a decision maker holding the office of Police and Crime Commissioner."""
    return commissioner_user()


@pytest.fixture
def deputy(db):
    return deputy_user()


@pytest.fixture
def monitoring_officer(db):
    """The Chief Executive and monitoring officer."""
    return monitoring_officer_user()


@pytest.fixture
def finance_officer(db):
    return finance_officer_user()


@pytest.fixture
def panel_secretary(db):
    return UserFactory(username="secretary", roles=[roles.PANEL_SECRETARY])


@pytest.fixture
def panel_member(db):
    return UserFactory(username="member", roles=[roles.PANEL_MEMBER])


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits, mail throttles and used two-factor codes are counted in the cache: each test
    # starts with none. On Redis only Django's own keys go, not Celery's queues beside them.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness protects real accounts; tests need none of it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
