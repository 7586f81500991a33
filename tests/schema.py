"""Moving the test database to a given migration and back, for the tests of data migrations.

A real migration runs outside any test transaction (SQLite cannot alter tables inside one): such a
test is marked ``django_db(transaction=True, serialized_rollback=True)`` and takes the
``latest_schema_after`` fixture, which puts every app back at its latest migration."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to ``targets`` (a list of (app, migration) pairs); the apps as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    return migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
