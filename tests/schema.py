"""Moving the test database to a given migration and back, for the tests of data migrations."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def data_migration_test(test):
    """Mark ``test`` as a test of data migrations. A real migration runs outside any test
    transaction (SQLite cannot alter tables inside one), so the test runs in a transactional
    database, and the ``latest_schema_after`` fixture then puts every app back at its latest
    migration."""
    test = pytest.mark.django_db(transaction=True, serialized_rollback=True)(test)
    return pytest.mark.usefixtures("latest_schema_after")(test)


def migrate(targets):
    """Migrate to ``targets`` (a list of (app, migration) pairs); the apps as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    return migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
