"""On PostgreSQL, a small generated column to rank search results by: the title and the opening
of the body. Ranking over the full body vector means reading every match's large (compressed,
out-of-line) vector; this one stays small and inline, so ranking thousands of matches is cheap.
Matching still uses the full vector and its GIN index."""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE transparency_searchentry ADD COLUMN rank_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', left(coalesce(body, ''), 600)), 'B')
    ) STORED
    """,
]
BACKWARD = ["ALTER TABLE transparency_searchentry DROP COLUMN IF EXISTS rank_vector"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("transparency", "0005_forward_plan_decision")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
