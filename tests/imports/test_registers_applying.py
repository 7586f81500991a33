"""Applying a checked register import: whole or not at all, released as imported with its
history or kept as drafts, every row checked again, and re-run without duplicates."""

import pytest

from imports import registers, services
from imports.models import EntryImport, ImportedRecord, ImportRun
from pcc_portal.publications.models import Version
from tests.accounts.factories import UserFactory
from tests.imports.entries import apply
from tests.imports.register_tables import GIFTS, upload
from transparency.models import ForwardPlanEntry, GiftHospitality, Grant, Interest

pytestmark = pytest.mark.django_db


def test_released_entries_are_public_marked_as_imported_with_their_history(editor, client):
    applied = apply(upload(editor), editor)

    assert applied.status == EntryImport.Status.APPLIED and applied.released is True
    assert applied.run.created_count == 2 and applied.run.source == ImportRun.Source.SPREADSHEET
    gift = GiftHospitality.objects.get(donor="Lancashire Business Awards")
    assert gift.estimated_value == 45 and not gift.is_sample
    (version,) = Version.objects.for_object(gift)
    assert version.kind == Version.Kind.RECORD and version.published_by == editor
    assert version.change_note == "Imported from the previous system on 3 December 2026."
    reasons = [h.history_change_reason for h in gift.history.order_by("history_date")]
    assert reasons[0] == "Imported from the previous system on 3 December 2026."
    assert reasons[-1].startswith("Released version 1, imported; re-authenticated at")
    record = ImportedRecord.objects.for_object(gift).get()
    assert record.source_id.startswith("gifts-and-hospitality:")
    page = client.get("/transparency/gifts-and-hospitality/").content.decode()
    assert "Lancashire Business Awards" in page and "Blackpool Pleasure Beach" in page


def test_entries_kept_as_drafts_are_not_public(editor, client):
    applied = apply(upload(editor), editor, release=False)

    assert applied.released is False
    assert GiftHospitality.objects.count() == 2
    assert not Version.objects.filter(document_type="gift").exists()
    assert (
        "Lancashire Business Awards"
        not in client.get("/transparency/gifts-and-hospitality/").content.decode()
    )
    assert (
        "Lancashire Business Awards"
        not in client.get("/transparency/gifts-and-hospitality.json").content.decode()
    )


def test_the_same_rows_again_are_not_imported_twice(editor):
    apply(upload(editor), editor)
    more = GIFTS + (
        "01/04/2022,Clive Grunshaw,Police and Crime Commissioner,2022-23,Lancashire "
        "Constabulary,Hospitality,Lunch at the passing-out parade,12.50,Accepted\n"
    )

    again = upload(editor, more)

    assert [row["action"] for row in again.rows] == ["unchanged", "unchanged", "create"]
    # The day the rows were imported, as the record of that import has it (not a fixed date).
    imported_on = ImportedRecord.objects.earliest("imported_at").imported_at
    assert again.rows[0]["detail"] == f"already imported on {imported_on:%-d %B %Y}"
    applied = apply(again, editor)
    assert applied.run.created_count == 1 and applied.run.unchanged_count == 2
    assert GiftHospitality.objects.count() == 3
    third = upload(editor, more)
    assert {row["action"] for row in third.rows} == {"unchanged"}


def test_an_entry_typed_in_by_hand_is_recognised(editor):
    entry_import = upload(editor)
    form = registers.build_form("gifts-and-hospitality", entry_import.rows[0]["data"])
    assert form.is_valid(), form.errors
    form.save()  # typed in meanwhile, between the upload and applying it

    applied = apply(entry_import, editor)

    assert applied.run.created_count == 1
    assert applied.run.changes[0]["detail"] == "already in the register"
    assert GiftHospitality.objects.count() == 2


def test_an_entry_deleted_since_its_import_can_be_imported_again(editor):
    apply(upload(editor), editor, release=False)
    GiftHospitality.objects.filter(donor="Lancashire Business Awards").delete()

    applied = apply(upload(editor), editor, release=False)

    assert applied.run.created_count == 1
    assert GiftHospitality.objects.filter(donor="Lancashire Business Awards").exists()


def test_rows_are_checked_again_when_applied(editor):
    from tests.plans.factories import PriorityFactory

    priority = PriorityFactory(title="Tackling Crime and Reoffending")
    text = (
        "Recipient,Amount,Purpose,Awarded,Plan priority,"
        "Why it is expected to reduce crime and disorder\n"
        "Blackburn Youth Zone,25000,Youth diversion,01/06/2021,"
        "Tackling Crime and Reoffending,Diverts young people from crime\n"
    )
    entry_import = upload(editor, text, register="grants")
    assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
    priority.title = "Renamed meanwhile"
    priority.save()

    applied = apply(entry_import, editor)

    assert applied.status == EntryImport.Status.INVALID
    assert "“Tackling Crime and Reoffending” is not a plan priority's title." in [
        e["message"] for e in applied.errors
    ]
    assert not Grant.objects.exists()


def test_releasing_needs_the_permission_to_release(editor):
    importer = UserFactory(username="importer")
    from django.contrib.auth.models import Permission

    importer.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["add_entryimport", "apply_entryimport", "add_gifthospitality"]
        )
    )
    entry_import = upload(importer)

    with pytest.raises(services.ImportFailed, match="may not release"):
        apply(entry_import, importer)
    assert not GiftHospitality.objects.exists()
    assert apply(entry_import, importer, release=False).status == EntryImport.Status.APPLIED


def test_interests_and_the_forward_plan_are_imported(editor):
    interests = (
        "Office holder,Office,Financial year,Category,Interest,Registered\n"
        "Clive Grunshaw,Police and Crime Commissioner,2021-22,Membership of organisations,"
        "Member of the Labour Party,13/05/2021\n"
    )
    forward = (
        "Decision,Summary,Expected,Decision maker\n"
        "Estates strategy,The estates plan for 2022-2027,01/05/2022,"
        "Police and Crime Commissioner\n"
    )

    for register, text, model in (
        ("interests", interests, Interest),
        ("forward-plan", forward, ForwardPlanEntry),
    ):
        entry_import = upload(editor, text, register=register, name=f"{register}.csv")
        assert entry_import.status == EntryImport.Status.CHECKED, entry_import.errors
        apply(entry_import, editor)
        entry = model.objects.get()
        assert Version.objects.for_object(entry).count() == 1
