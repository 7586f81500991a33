"""Move the cases onto the one publishing mechanism: each case that was published (its own
``published_at``) becomes released version 1, a record version freezing the case and every
step it had, as the public saw them; then ``published_at`` goes. Drafts stay drafts. Run
``manage.py rebuild_search_index`` afterwards to put the released cases in site search.

Reversible: going back, ``published_at`` is set again from the first version of each case that
is still public. The versions stay (a released version is never deleted), and going forward
again skips cases that already have them.
"""

import hashlib

from django.db import migrations, models

STEP_FIELDS = (
    "kind",
    "summary",
    "outcome",
    "veto_direction",
    "votes_for",
    "votes_against",
    "abstentions",
    "members_in_office",
    "document_title",
)
KINDS = {
    "precept": "panel-precept",
    "confirmation": "panel-confirmation-hearing",
    "annual_report": "panel-annual-report",
}
POSTS = {
    "chief_constable": "Chief Constable",
    "deputy": "Deputy Police and Crime Commissioner",
    "chief_executive": "Chief Executive",
    "chief_finance_officer": "Chief Finance Officer",
}


def _year_label(year):
    return f"{year}/{(year + 1) % 100:02d}" if year else ""


# What ``Case.__str__`` said when this migration was written.
def _title(case):
    if case.kind == "precept":
        return f"Precept {_year_label(case.year)}"
    if case.kind == "annual_report":
        return f"Annual report {_year_label(case.year)}"
    return f"Confirmation hearing: {case.candidate}, {POSTS.get(case.post, case.post)}"


def _sha256(field):
    if not field:
        return ""
    try:
        with field.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return ""  # the file is missing from storage: it is not served either way


def _record(case):
    meeting = {}
    if case.meeting_id:
        item = case.agenda_item
        meeting = {
            "meeting_date": case.meeting.date.isoformat(),
            "agenda_item": f"item {item.number}: {item.title}" if item else "",
        }
    reserve = case.reserve_for
    steps = list(case.steps.order_by("date", "pk"))
    data = {
        "year": case.year,
        "case": {
            "kind": case.kind,
            "year": case.year,
            "post": case.post,
            "candidate": case.candidate,
            "summary": case.summary,
            "reserve_for": {"pk": reserve.pk, "candidate": reserve.candidate} if reserve else None,
            **meeting,
        },
        "steps": [
            {
                "pk": step.pk,
                "date": step.date.isoformat(),
                "amount": str(step.amount) if step.amount is not None else None,
                **{name: getattr(step, name) for name in STEP_FIELDS},
                "document": step.document.name if step.document else "",
                "document_sha256": _sha256(step.document),
            }
            for step in steps
        ],
    }
    text = "\n".join(
        part
        for part in [
            _title(case),
            case.summary,
            *[p for step in steps for p in (step.summary, step.document_title)],
        ]
        if part
    )
    return data, text


def _user_model():
    from django.conf import settings

    return settings.AUTH_USER_MODEL


def _publisher(apps, case):
    """Who published it: the history's record of it, else the first superuser or account."""
    History = apps.get_model("casework", "HistoricalCase")
    record = (
        History.objects.filter(id=case.pk, published_at__isnull=False, history_user__isnull=False)
        .order_by("history_date")
        .first()
    )
    if record is not None:
        return record.history_user_id
    User = apps.get_model(*_user_model().split("."))
    user = User.objects.order_by("-is_superuser", "pk").first()
    return user.pk if user else None


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("publications", "Version")
    Case = apps.get_model("casework", "Case")
    content_type, _ = ContentType.objects.get_or_create(app_label="casework", model="case")
    done = set(
        Version.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )
    for case in Case.objects.filter(published_at__isnull=False).exclude(pk__in=done):
        publisher = _publisher(apps, case)
        if publisher is None:
            continue  # no account at all: nobody can have published it
        data, text = _record(case)
        Version.objects.create(
            content_type=content_type,
            object_id=case.pk,
            number=1,
            kind="record",
            status="ready",
            document_type=KINDS[case.kind],
            title=_title(case)[:300],
            html="",
            document_html="",
            text=text,
            data=data,
            change_note="Published before cases had versions.",
            published_by_id=publisher,
            published_at=case.published_at,
            ready_at=case.published_at,
        )


def backward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("publications", "Version")
    Withdrawal = apps.get_model("publications", "Withdrawal")
    Case = apps.get_model("casework", "Case")
    content_type = ContentType.objects.filter(app_label="casework", model="case").first()
    if content_type is None:
        return
    for case in Case.objects.all():
        versions = Version.objects.filter(
            content_type=content_type, object_id=case.pk, status="ready"
        ).order_by("number")
        first, last = versions.first(), versions.last()
        withdrawn = (
            last is not None
            and Withdrawal.objects.filter(
                content_type=content_type, object_id=case.pk, up_to_number__gte=last.number
            ).exists()
        )
        case.published_at = first.published_at if first and not withdrawn else None
        case.save(update_fields=["published_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0004_public_questions_asked_online"),
        ("publications", "0007_record_versions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="case", name="published_at"),
        migrations.RemoveField(model_name="historicalcase", name="published_at"),
        migrations.AlterField(
            model_name="case",
            name="summary",
            field=models.TextField(blank=True, help_text="Shown to the public once released."),
        ),
        migrations.AlterField(
            model_name="historicalcase",
            name="summary",
            field=models.TextField(blank=True, help_text="Shown to the public once released."),
        ),
    ]
