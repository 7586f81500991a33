"""Fixtures every test package shares: users in each role, publishing, committed callbacks run,
a fast stand-in for the PDF renderer, and an empty cache for each test."""

import pytest
from django.conf import settings
from django.core.cache import cache

from pcc_portal.accounts import roles
from pcc_portal.publications import services as publishing
from tests import schema
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


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run a service and what it queues on commit (Celery is eager in tests), as a commit
    would: ``run_on_commit(packs.publish_pack, meeting=meeting, by=user, note=note)``."""

    def _run(action, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(**kwargs)

    return _run


@pytest.fixture
def publish(run_on_commit):
    """Publish ``obj`` through the one publishing service and run its queued render, as a
    commit would; the version comes back as the render left it."""

    def _publish(obj, by, note="First publication"):
        version = run_on_commit(publishing.publish, obj=obj, by=by, note=note)
        version.refresh_from_db()
        return version

    return _publish


@pytest.fixture
def latest_schema_after(transactional_db):
    """Migrating back unapplies later migrations of other apps too: put every app back at its
    latest migration afterwards, whatever the test did."""
    yield
    schema.migrate_to_latest()


@pytest.fixture
def fast_pdfs(monkeypatch):
    """Render every PDF as one small real PDF: for tests about pages and lists, not about
    documents."""
    from pcc_portal.publications import pdf

    result = pdf.render_pdf(
        "<!DOCTYPE html><html lang='en'><head><title>t</title></head><body><p>t</p></body></html>"
    )
    monkeypatch.setattr(pdf, "render_pdf", lambda html: result)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits, mail throttles and used two-factor codes are counted in the cache: each test
    # starts with none. On Redis only the cache's own keys go, not Celery's queues beside them
    # (clear() would empty the whole database).
    options = settings.CACHES["default"]
    if options["BACKEND"].endswith(".RedisCache"):
        import redis

        client = redis.Redis.from_url(options["LOCATION"])
        keys = list(client.scan_iter(match=f"{options['KEY_PREFIX']}:*", count=1000))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness protects real accounts; tests need none of it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
