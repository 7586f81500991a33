"""The migration onto released versions keeps what the registers showed: a published entry is
released version 1 with its fields frozen, a withdrawn one stays off the public site with a
withdrawal, a draft stays a draft, and a month's released spending keeps its rows public."""

import datetime
from decimal import Decimal

from django.utils import timezone

from tests.schema import data_migration_test, migrate, migrate_to_latest

BEFORE = [
    ("transparency", "0009_register_entries_released_as_versions"),
    ("publications", "0007_record_versions"),
]


def _grant(Grant, recipient, status, at):
    return Grant.objects.create(
        recipient=recipient,
        fund="Community Action Fund",
        amount=Decimal("12500.00"),
        purpose="Youth diversion",
        awarded_on=datetime.date(2021, 7, 1),
        status=status,
        published_at=at if status != "draft" else None,
        is_sample=False,
    )


@data_migration_test
def test_published_entries_become_released_versions_and_withdrawn_ones_stay_withdrawn(
    editor, client
):
    old = migrate(BEFORE)
    Grant = old.get_model("transparency", "Grant")
    SpendingUpload = old.get_model("transparency", "SpendingUpload")
    Payment = old.get_model("transparency", "Payment")
    at = timezone.now() - datetime.timedelta(days=30)
    published = _grant(Grant, "Sample Published Trust", "published", at)
    withdrawn = _grant(Grant, "Sample Withdrawn Trust", "withdrawn", at)
    draft = _grant(Grant, "Sample Draft Trust", "draft", at)
    upload = SpendingUpload.objects.create(
        month=datetime.date(2021, 10, 1),
        filename="october.csv",
        sha256="0" * 64,
        uploaded_by_id=editor.pk,
        row_count=1,
        total=Decimal("612.40"),
        status="published",
        published_at=at,
    )
    Payment.objects.create(
        upload=upload,
        row_number=2,
        paid_on=datetime.date(2021, 10, 1),
        reference="100234",
        supplier="Sample Stationers Ltd",
        expense_type="Stationery",
        amount=Decimal("612.40"),
    )

    migrate_to_latest()

    from pcc_portal.publications.models import Version
    from transparency.models import Grant as LiveGrant
    from transparency.models import SpendingUpload as LiveUpload

    version = Version.objects.for_object(LiveGrant.objects.get(pk=published.pk)).get()
    assert (version.number, version.kind, version.status) == (1, "record", "ready")
    assert version.data["fields"]["recipient"] == "Sample Published Trust"
    assert version.title == "Grant to Sample Published Trust: £12,500.00"
    assert version.published_by_id == editor.pk
    assert LiveGrant.objects.get(pk=withdrawn.pk).withdrawal() is not None
    assert not Version.objects.for_object(LiveGrant.objects.get(pk=draft.pk)).exists()
    assert list(LiveGrant.objects.public().values_list("pk", flat=True)) == [published.pk]
    released = LiveUpload.objects.get(pk=upload.pk)
    assert released.released_at is not None and released.is_public

    page = client.get("/transparency/grants/").content.decode()
    assert "Sample Published Trust" in page
    assert "Sample Withdrawn Trust" not in page and "Sample Draft Trust" not in page
    csv = b"".join(client.get("/transparency/spending.csv").streaming_content).decode()
    assert "Sample Stationers Ltd" in csv
