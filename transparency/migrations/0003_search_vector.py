"""On PostgreSQL, a generated full-text column over the search entries, with a GIN index.

Titles weigh more than body text, so a title match ranks first. Other databases (the embedded
SQLite default) skip this: search there uses a simpler match over the same columns.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE transparency_searchentry ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', left(coalesce(body, ''), 500000)), 'B')
    ) STORED
    """,
    "CREATE INDEX transparency_searchentry_vector ON transparency_searchentry "
    "USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS transparency_searchentry_vector",
    "ALTER TABLE transparency_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("transparency", "0002_roles")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
