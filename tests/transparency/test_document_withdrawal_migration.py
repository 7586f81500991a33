"""The migration that gives each withdrawn document of the index its notice says, for one
withdrawn before reasons were recorded, that none was, and names who withdrew it as its history
does."""

import datetime

from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.schema import data_migration_test, migrate, migrate_to_latest

BEFORE = [("transparency", "0016_withdrawn_documents_kept_privately")]
AFTER = [("transparency", "0017_index_document_withdrawal_notices")]


@data_migration_test
def test_a_document_withdrawn_before_gets_a_notice_naming_who_withdrew_it(editor):
    clerk = UserFactory(username="clerk")
    old = migrate(BEFORE)
    SpecifiedItem = old.get_model("transparency", "SpecifiedItem")
    ItemDocument = old.get_model("transparency", "ItemDocument")
    HistoricalItemDocument = old.get_model("transparency", "HistoricalItemDocument")
    withdrawn_at = timezone.now() - datetime.timedelta(days=3)
    fields = {
        "item": SpecifiedItem.objects.get(code="senior-salaries"),
        "file": "transparency/senior-salaries/salaries.csv",
        "published_on": datetime.date(2025, 6, 1),
        "published_by_id": editor.pk,
    }
    withdrawn = ItemDocument.objects.create(
        title="Senior salaries 2025", withdrawn_at=withdrawn_at, **fields
    )
    HistoricalItemDocument.objects.create(
        id=withdrawn.pk,
        title=withdrawn.title,
        withdrawn_at=withdrawn_at,
        history_date=withdrawn_at,
        history_type="~",
        history_user_id=clerk.pk,
        history_change_reason=f"Withdrawn by {clerk}",
        item_id=withdrawn.item_id,
        file=withdrawn.file,
        published_on=withdrawn.published_on,
        published_by_id=editor.pk,
        created_at=withdrawn.created_at,
        private_name="",
    )
    unrecorded = ItemDocument.objects.create(
        title="Senior salaries 2024", withdrawn_at=withdrawn_at, **fields
    )
    public = ItemDocument.objects.create(title="Senior salaries 2026", **fields)

    new = migrate(AFTER)
    DocumentWithdrawal = new.get_model("transparency", "DocumentWithdrawal")
    notice = DocumentWithdrawal.objects.get(document_id=withdrawn.pk)
    assert notice.reason == "No reason was recorded when it was withdrawn."
    assert (notice.withdrawn_by_id, notice.withdrawn_at) == (clerk.pk, withdrawn_at)
    # No history of its withdrawal: the one who published it is named.
    assert DocumentWithdrawal.objects.get(document_id=unrecorded.pk).withdrawn_by_id == editor.pk
    assert not DocumentWithdrawal.objects.filter(document_id=public.pk).exists()

    migrate(BEFORE)
    migrate_to_latest()
