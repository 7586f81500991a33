"""A real Celery worker for tests marked ``services`` (loaded from tests/conftest.py).

``celery_worker_process`` starts ``celery -A pcc_portal worker`` (prefork, two children) once per
session, on the Redis in REDIS_URL and the *test* database pytest-django created, and waits until
it answers a ping. A test can kill it (``kill()``, or signal ``process.pid``'s process group) and
bring it back with ``restart()``. ``real_celery`` makes this process send tasks to it instead of
running them eagerly; a test that uses it and the database must use ``transactional_db``, since the
worker cannot see rows inside a test's open transaction.

Without REDIS_URL these tests skip; with CI_REQUIRE_SERVICES=1 they fail instead.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from celery.result import allow_join_result

BASE_DIR = Path(__file__).resolve().parent.parent
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0


def _unavailable(reason):
    if os.environ.get("CI_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (CI_REQUIRE_SERVICES=1, so services tests must run)", pytrace=False)
    pytest.skip(reason)


def database_url(settings_dict):
    """The URL of the database in a Django settings dict, for DATABASE_URL in another process."""
    engine, name = settings_dict["ENGINE"], settings_dict["NAME"]
    if engine.endswith("postgresql"):
        user = quote(settings_dict.get("USER") or "", safe="")
        password = quote(settings_dict.get("PASSWORD") or "", safe="")
        credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        host = settings_dict.get("HOST") or ""
        port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
        return f"postgres://{credentials}{host}{port}/{quote(name, safe='')}"
    if engine.endswith("sqlite3") and not str(name).startswith(("file:", ":memory:")):
        return f"sqlite:///{name}"
    return None  # an in-memory SQLite test database cannot be shared with another process


class WorkerProcess:
    """A ``celery worker`` subprocess in its own process group (the main process and its pool)."""

    def __init__(self, env, log_path):
        self.env = env
        self.log_path = log_path
        self.hostname = f"pytest-{os.getpid()}@localhost"
        self.process = None

    @property
    def command(self):
        return [
            sys.executable, "-m", "celery", "-A", "pcc_portal", "worker",
            "--pool=prefork", "--concurrency=2", "--loglevel=INFO",
            f"--hostname={self.hostname}",
            # No other workers to synchronise with: start in a second, not after mingle's wait.
            "--without-mingle", "--without-gossip",
        ]  # fmt: skip

    def start(self):
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own command line)
                self.command,
                cwd=BASE_DIR,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: kill() reaches the pool too
            )
        self.wait_until_ready()

    def wait_until_ready(self, timeout=START_TIMEOUT):
        from pcc_portal.celery import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"the Celery worker exited with {self.process.returncode}:\n{self.log()}",
                    pytrace=False,
                )
            if app.control.ping(destination=[self.hostname], timeout=0.5):
                return
        self.stop()
        pytest.fail(
            f"the Celery worker did not answer a ping within {timeout:.0f} s:\n{self.log()}",
            pytrace=False,
        )

    def kill(self, sig=signal.SIGKILL):
        """Signal the worker and its pool children (its whole process group)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.kill(signal.SIGTERM)  # warm shutdown: finish running tasks, then exit
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(STOP_TIMEOUT)
        self.kill(signal.SIGKILL)  # whatever is left of the group, pool children included
        self.process.wait()

    def restart(self):
        self.stop()
        self.start()

    def log(self):
        return Path(self.log_path).read_text(errors="replace")[-5000:]


def pytest_collection_modifyitems(items):
    # pytest-django creates the test database only when a collected test asks for the database;
    # the worker always connects to one, so its tests ask. Transactional, because the worker sees
    # only committed rows; with serialized rollback, so the data migrations made (role groups,
    # permissions) is there for them and, restored below, for the tests after them.
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "celery_worker_process" in fixtures and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


def _uses_serialized_rollback(item):
    if item is None:
        return False
    if "django_db_serialized_rollback" in getattr(item, "fixturenames", ()):
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("serialized_rollback"))


# Serialized rollback, completed. Django restores the data migrations made (content types,
# permissions, role groups) at the start of a serialized test by loading it into what it assumes
# is an empty database, and empties the database after the test without re-creating even content
# types and permissions. So: empty the database before a run of serialized tests (a transactional
# test before it re-created content types under new ids, which loading would collide with), and
# restore the data after the run, for the tests that follow it (say, those after the browser tests).
_AFTER_SERIALIZED = pytest.StashKey[bool]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    serialized = _uses_serialized_rollback(item)
    if serialized and not item.config.stash.get(_AFTER_SERIALIZED, False):
        _reset_migrated_data(item.config, restore=False)
    item.config.stash[_AFTER_SERIALIZED] = serialized


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # With no next item the session is ending and the test database is already gone.
        if nextitem and _uses_serialized_rollback(item) and not _uses_serialized_rollback(nextitem):
            _reset_migrated_data(item.config, restore=True)
            item.config.stash[_AFTER_SERIALIZED] = False


def _reset_migrated_data(config, *, restore):
    """Empty each test database that has serialized contents and, if ``restore``, reload them."""
    from django.core.management import call_command
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if not contents:
                continue  # no test database yet, or nothing serialized
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=connection.alias,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            if restore:
                connection.creation.deserialize_db_from_string(contents)


def _is_test_database(settings_dict):
    test_name = settings_dict.get("TEST", {}).get("NAME")
    name = str(settings_dict["NAME"])
    return name == test_name if test_name else name.startswith(("test_", "file:memorydb"))


def _clear_broker(app):
    """Drop what earlier runs left on this Redis database: queued tasks, and tasks a killed worker
    had received but not acknowledged, which Redis would otherwise hand to this run's worker once
    their visibility timeout passes, to run against a new test database whose ids mean other rows.
    (Two sessions at once on one Redis database still take each other's tasks: give each its own.)
    """
    app.control.purge()
    with app.connection_for_write() as connection:
        channel = connection.default_channel
        channel.client.delete(
            channel.unacked_key, channel.unacked_index_key, channel.unacked_mutex_key
        )


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    if not settings.REDIS_URL:
        _unavailable("REDIS_URL is not set: a real Celery worker needs Redis")
    database = settings.DATABASES["default"]  # the test database, now that it is set up
    if not _is_test_database(database):
        pytest.fail(f"refusing to start a worker on {database['NAME']}: not the test database")
    with django_db_blocker.unblock():
        url = database_url(database)
    if url is None:
        _unavailable("the test database is in-memory SQLite, which a worker cannot share")

    from pcc_portal.celery import app

    _clear_broker(app)
    env = {**os.environ, "DATABASE_URL": url, "CELERY_TASK_ALWAYS_EAGER": "0"}
    worker = WorkerProcess(env, tmp_path_factory.mktemp("celery") / "worker.log")
    worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def real_celery(request, settings, celery_worker_process):
    """Send tasks to the worker rather than running them in this process."""
    from pcc_portal.celery import app

    if request.node.get_closest_marker("services") is None:
        pytest.fail("a test that uses real_celery must be marked services", pytrace=False)
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(
        marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    )
    if marker and not (
        transactional or {"transactional_db", "live_server"} & set(request.fixturenames)
    ):
        pytest.fail(
            "a test that uses real_celery and the database must use transactional_db: the worker "
            "cannot see rows inside the test's open transaction",
            pytrace=False,
        )
    eager = app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    # This process is not a worker, so waiting on a result is allowed. Celery keeps that rule in a
    # process-wide flag that apply_async sets and resets without a lock: eager tasks queued from
    # several threads at once (a concurrency test) can leave it set, and result.get() would refuse.
    with allow_join_result():
        yield celery_worker_process
    app.conf.task_always_eager = eager
