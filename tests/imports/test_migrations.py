"""The migration that counts every problem of an uploaded spreadsheet gives the uploads checked
before it the count of the problems they kept, and goes back."""

from tests.schema import data_migration_test, migrate, migrate_to_latest

BEFORE = [("imports", "0005_entry_import_files")]
AFTER = [("imports", "0006_spreadsheet_import_error_counts")]


def _error(row, column):
    return {"row": row, "column": column, "message": f"Row {row} has no {column}."}


@data_migration_test
def test_uploads_checked_before_are_given_the_count_of_the_problems_they_kept(editor):
    old = migrate(BEFORE)
    DecisionImport = old.get_model("imports", "DecisionImport")
    EntryImport = old.get_model("imports", "EntryImport")
    user_pk = editor.pk
    invalid = DecisionImport.objects.create(
        status="invalid",
        original_name="decisions.csv",
        uploaded_by_id=user_pk,
        table="imports/decisions/decisions.csv",
        errors=[_error(2, "title"), _error(2, "reference"), _error(5, "decision date")],
        error_row_count=2,
    )
    checked = EntryImport.objects.create(
        status="checked",
        original_name="gifts.csv",
        uploaded_by_id=user_pk,
        register="gifts-and-hospitality",
        table="imports/registers/gifts.csv",
        row_count=4,
    )

    new = migrate(AFTER)
    assert new.get_model("imports", "DecisionImport").objects.get(pk=invalid.pk).error_count == 3
    assert new.get_model("imports", "EntryImport").objects.get(pk=checked.pk).error_count == 0

    migrate(BEFORE)
    migrate_to_latest()
