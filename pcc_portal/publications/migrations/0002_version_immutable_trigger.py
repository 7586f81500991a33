"""Refuse, in PostgreSQL itself, any change to or deletion of a published (ready) version.

The model refuses it too, on every database; the trigger also stops raw SQL, bulk paths and other
clients. Row triggers do not fire on TRUNCATE, which only a test database's flush uses. SQLite, the
embedded single-user default, relies on the model alone: its flush deletes row by row.
"""

from django.db import migrations

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION publications_version_immutable() RETURNS trigger AS $$
    BEGIN
        IF OLD.status = 'ready' THEN
            RAISE EXCEPTION 'version % is published and cannot be changed or deleted', OLD.id
                USING ERRCODE = 'restrict_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER publications_version_immutable
    BEFORE UPDATE OR DELETE ON publications_version
    FOR EACH ROW EXECUTE FUNCTION publications_version_immutable();
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS publications_version_immutable ON publications_version;",
    "DROP FUNCTION IF EXISTS publications_version_immutable();",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_versions_and_render_jobs")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL}),
            _run({"postgresql": POSTGRESQL_REVERSE}),
        )
    ]
