"""The migration to withdrawals that cover numbered versions keeps what the public saw: a
withdrawal still in force covers every version ready when it was made, and one a later version
reinstated under the old rule leaves that version public."""

import datetime

from django.utils import timezone

from tests.schema import data_migration_test, migrate

BEFORE = [("publications", "0003_withdrawal")]
AFTER = [("publications", "0005_withdrawn_versions_stay_withdrawn")]


@data_migration_test
def test_existing_withdrawals_cover_the_versions_public_when_they_were_made(editor):
    old = migrate(BEFORE)
    ContentType = old.get_model("contenttypes", "ContentType")
    Version = old.get_model("publications", "Version")
    Withdrawal = old.get_model("publications", "Withdrawal")
    page_type = ContentType.objects.get(app_label="pages", model="contentpage")
    start = timezone.now() - datetime.timedelta(days=10)

    def version(object_id, number, day):
        at = start + datetime.timedelta(days=day)
        return Version.objects.create(
            content_type=page_type,
            object_id=object_id,
            number=number,
            status="ready",
            document_type="page",
            title=f"Page {object_id}",
            html="",
            document_html="",
            change_note="Published",
            published_by_id=editor.pk,
            published_at=at,
            ready_at=at,
            pdf=f"p{object_id}-{number}.pdf",
            sha256="0" * 64,
        )

    version(1, 1, 0)
    version(1, 2, 1)
    Withdrawal.objects.create(  # still in force: both versions were public
        content_type=page_type,
        object_id=1,
        reason="Out of date",
        withdrawn_by_id=editor.pk,
        withdrawn_at=start + datetime.timedelta(days=2),
    )
    version(2, 1, 0)
    Withdrawal.objects.create(  # reinstated by version 2, ready after it
        content_type=page_type,
        object_id=2,
        reason="Mistake",
        withdrawn_by_id=editor.pk,
        withdrawn_at=start + datetime.timedelta(days=1),
        reinstated_at=start + datetime.timedelta(days=3),
    )
    version(2, 2, 3)

    new = migrate(AFTER)
    covered = dict(
        new.get_model("publications", "Withdrawal").objects.values_list("object_id", "up_to_number")
    )
    assert covered == {1: 2, 2: 1}

    back = migrate(BEFORE)
    reinstated = dict(
        back.get_model("publications", "Withdrawal").objects.values_list(
            "object_id", "reinstated_at"
        )
    )
    assert reinstated[1] is None and reinstated[2] == start + datetime.timedelta(days=3)
