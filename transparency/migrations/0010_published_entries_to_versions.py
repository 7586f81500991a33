"""Move what the registers showed onto the one publishing mechanism: each entry that was
published becomes released version 1 (a record version: its fields frozen as they stand), each
withdrawn entry a released version 1 with a withdrawal, and a month's spending records when it
was released. Drafts stay drafts.

Reversible: going back, ``status`` and ``published_at`` are set again from the versions. The
versions themselves stay (a released version is never deleted), and going forward again skips
entries that already have them.
"""

from datetime import date, datetime
from decimal import Decimal

from django.db import migrations

ENTRIES = ["interest", "gifthospitality", "grant", "contract", "forwardplanentry"]
NOT_RELEASED = ("id", "updated_at", "status", "published_at")
MISSING_REASON = "Withdrawn before the portal recorded reasons for withdrawals."
REPLACED_REASON = "Replaced by a later file for the same month."


def _json(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _label(entry, name):
    value = getattr(entry, name)
    return dict(entry._meta.get_field(name).choices or ()).get(value, value)


def _fields(entry):
    return {
        field.attname: _json(getattr(entry, field.attname))
        for field in entry._meta.concrete_fields
        if field.attname not in NOT_RELEASED
    }


# What the app's ``search_document`` titled each entry when this migration was written.
TITLES = {
    "interest": lambda e: f"Interest of {e.holder}, {e.office}: {_label(e, 'category')}",
    "gifthospitality": lambda e: f"{_label(e, 'kind')} offered to {e.recipient} by {e.donor}",
    "grant": lambda e: f"Grant to {e.recipient}: £{e.amount:,.2f}",
    "contract": lambda e: f"Contract {e.reference}: {e.title}",
    "forwardplanentry": lambda e: f"Forward plan: {e.title}",
    "spendingupload": lambda e: f"Spending over £500, {e.month:%B %Y}",
}
KINDS = {
    "interest": "interest",
    "gifthospitality": "gift",
    "grant": "grant",
    "contract": "contract",
    "forwardplanentry": "forward-plan",
    "spendingupload": "spending",
}


def _publisher(apps, entry, model_name):
    """Who published it: the history's record of the change, else the uploader, else the first
    superuser or account (the version needs someone; the history keeps the truth)."""
    History = apps.get_model("transparency", f"historical{model_name}")
    record = (
        History.objects.filter(id=entry.pk, status="published", history_user__isnull=False)
        .order_by("history_date")
        .first()
    )
    if record is not None:
        return record.history_user_id
    if getattr(entry, "uploaded_by_id", None):
        return entry.uploaded_by_id
    User = apps.get_model(*_user_model().split("."))
    user = User.objects.order_by("-is_superuser", "pk").first()
    return user.pk if user else None


def _user_model():
    from django.conf import settings

    return settings.AUTH_USER_MODEL


def _text(entry):
    return "\n".join(
        str(value) for value in _fields(entry).values() if isinstance(value, str) and value
    )


def _spending_data(entry):
    data = {
        "fields": {
            "month": entry.month.isoformat(),
            "row_count": entry.row_count,
            "redacted_count": entry.redacted_count,
            "total": str(entry.total),
            "is_sample": entry.is_sample,
        },
        "rows": [
            {
                "paid_on": p.paid_on.isoformat(),
                "transaction": p.reference,
                "supplier": p.supplier,
                "expense_type": p.expense_type,
                "service_area": p.service_area,
                "amount": str(p.amount),
            }
            for p in entry.payments.order_by("paid_on", "row_number")
        ],
    }
    return data


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("publications", "Version")
    Withdrawal = apps.get_model("publications", "Withdrawal")
    for model_name in [*ENTRIES, "spendingupload"]:
        Model = apps.get_model("transparency", model_name)
        content_type, _ = ContentType.objects.get_or_create(
            app_label="transparency", model=model_name
        )
        done = set(
            Version.objects.filter(content_type=content_type).values_list("object_id", flat=True)
        )
        for entry in Model.objects.filter(status__in=["published", "withdrawn"]):
            at = entry.published_at or entry.updated_at
            if model_name == "spendingupload":
                entry.released_at = entry.released_at or at
                entry.save(update_fields=["released_at"])
            if entry.pk in done:
                continue
            publisher = _publisher(apps, entry, model_name)
            if publisher is None:
                continue  # no account at all: nothing can have been published by anyone
            data = (
                _spending_data(entry)
                if model_name == "spendingupload"
                else {"fields": _fields(entry)}
            )
            Version.objects.create(
                content_type=content_type,
                object_id=entry.pk,
                number=1,
                kind="record",
                status="ready",
                document_type=KINDS[model_name],
                title=TITLES[model_name](entry)[:300],
                html="",
                document_html="",
                text=_text(entry) if model_name != "spendingupload" else "",
                data=data,
                change_note="Published before register entries had versions.",
                published_by_id=publisher,
                published_at=at,
                ready_at=at,
            )
            if entry.status == "withdrawn":
                Withdrawal.objects.create(
                    content_type=content_type,
                    object_id=entry.pk,
                    up_to_number=1,
                    reason=REPLACED_REASON if model_name == "spendingupload" else MISSING_REASON,
                    withdrawn_by_id=publisher,
                    withdrawn_at=entry.updated_at if entry.updated_at > at else at,
                )


def backward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("publications", "Version")
    Withdrawal = apps.get_model("publications", "Withdrawal")
    for model_name in [*ENTRIES, "spendingupload"]:
        Model = apps.get_model("transparency", model_name)
        content_type = ContentType.objects.filter(
            app_label="transparency", model=model_name
        ).first()
        if content_type is None:
            continue
        for entry in Model.objects.all():
            versions = Version.objects.filter(
                content_type=content_type, object_id=entry.pk, status="ready"
            ).order_by("number")
            first, last = versions.first(), versions.last()
            if first is None:
                entry.status, entry.published_at = "draft", None
            else:
                withdrawn = Withdrawal.objects.filter(
                    content_type=content_type, object_id=entry.pk, up_to_number__gte=last.number
                ).exists()
                entry.status = "withdrawn" if withdrawn else "published"
                entry.published_at = first.published_at
            entry.save(update_fields=["status", "published_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0009_register_entries_released_as_versions"),
        ("publications", "0007_record_versions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
