"""Refuse, in the database itself, any change to or deletion of a published (ready) version.

The model refuses it too; the trigger stops raw SQL, bulk paths and other clients.
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
SQLITE = [
    """
    CREATE TRIGGER publications_version_immutable_update
    BEFORE UPDATE ON publications_version WHEN OLD.status = 'ready'
    BEGIN SELECT RAISE(ABORT, 'a published version cannot be changed'); END;
    """,
    """
    CREATE TRIGGER publications_version_immutable_delete
    BEFORE DELETE ON publications_version WHEN OLD.status = 'ready'
    BEGIN SELECT RAISE(ABORT, 'a published version cannot be deleted'); END;
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS publications_version_immutable_update;",
    "DROP TRIGGER IF EXISTS publications_version_immutable_delete;",
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
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
