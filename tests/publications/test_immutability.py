"""A ready version is never changed or deleted: by the model, and by the database itself."""

import pytest
from django.db import DatabaseError, connection, transaction

from pcc_portal.publications.models import ImmutableVersionError, Version


@pytest.mark.django_db
def test_the_model_refuses_to_change_a_ready_version(page, editor, publish):
    version = publish(page, editor)
    version.change_note = "Rewriting history"
    with pytest.raises(ImmutableVersionError):
        version.save()
    with pytest.raises(ImmutableVersionError):
        version.delete()
    with pytest.raises(ImmutableVersionError):
        Version.objects.filter(pk=version.pk).update(change_note="Rewriting history")
    with pytest.raises(ImmutableVersionError):
        Version.objects.filter(pk=version.pk).delete()
    version.refresh_from_db()
    assert version.change_note == "First publication"


@pytest.mark.django_db
def test_the_database_refuses_raw_sql_changes_to_a_ready_version(page, editor, publish):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's; CI runs this test there")
    version = publish(page, editor)
    for statement in (
        "UPDATE publications_version SET change_note = 'Rewriting history' WHERE id = %s",
        "UPDATE publications_version SET status = 'failed' WHERE id = %s",
        "DELETE FROM publications_version WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [version.pk])
    version.refresh_from_db()
    assert version.change_note == "First publication"
    assert version.status == Version.Status.READY


@pytest.mark.django_db
def test_a_version_still_rendering_can_be_completed(page, editor, publish):
    version = publish(page, editor)
    assert version.status == Version.Status.READY  # the rendering row was updated to ready
