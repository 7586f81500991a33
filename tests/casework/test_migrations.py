"""The migrations onto the one publishing mechanism and off the older complaints list keep what
the public saw: a published case becomes released version 1 with its steps frozen, a draft
stays a draft, and the older list's complaints become casework complaints the public figures
count. Both go back again."""

import datetime

from django.utils import timezone

from tests.schema import data_migration_test, migrate, migrate_to_latest

BEFORE = [
    ("casework", "0004_public_questions_asked_online"),
    ("panel", "0011_members_records_webcast_times_and_agenda_deadlines"),
]
AFTER = [
    ("casework", "0006_complaints_moved_from_the_panel"),
    ("panel", "0012_complaints_moved_to_casework"),
]


@data_migration_test
def test_published_cases_become_versions_and_old_complaints_move_to_casework(editor, client):
    old = migrate(BEFORE)
    Panel = old.get_model("panel", "Panel")
    Case = old.get_model("casework", "Case")
    Step = old.get_model("casework", "Step")
    OldComplaint = old.get_model("panel", "Complaint")
    panel = Panel.objects.create(
        name="Panel", host_authority="Council", secretary_name="S", secretary_email="s@x.org"
    )
    at = timezone.now() - datetime.timedelta(days=30)
    published = Case.objects.create(
        panel=panel, kind="precept", year=2022, summary="PUBLISHEDSUMMARY", published_at=at
    )
    Step.objects.create(
        case=published,
        kind="proposal",
        date=datetime.date(2022, 1, 28),
        amount="241.45",
        summary="PROPOSALSUMMARY",
    )
    draft = Case.objects.create(panel=panel, kind="annual_report", year=2020)
    Step.objects.create(case=draft, kind="proposal", date=datetime.date(2021, 7, 1))
    for status in ("assessing", "resolved", "referred", "not_recorded"):
        OldComplaint.objects.create(
            panel=panel, received_on=datetime.date(2021, 9, 1), status=status, details="PRIVATE"
        )

    new = migrate(AFTER)
    Version = new.get_model("publications", "Version")
    versions = Version.objects.filter(object_id=published.pk, content_type__model="case")
    version = versions.get()
    assert (version.number, version.status, version.kind) == (1, "ready", "record")
    assert version.published_at == at
    assert version.data["case"]["summary"] == "PUBLISHEDSUMMARY"
    assert [s["summary"] for s in version.data["steps"]] == ["PROPOSALSUMMARY"]
    assert not Version.objects.filter(object_id=draft.pk, content_type__model="case").exists()
    NewComplaint = new.get_model("casework", "Complaint")
    moved = {c.recording: c for c in NewComplaint.objects.all()}
    assert NewComplaint.objects.count() == 4
    assert moved["not_recorded"].not_recorded_reason
    assert NewComplaint.objects.filter(outcome="resolved").count() == 1
    assert NewComplaint.objects.filter(referred_on__isnull=False, serious=True).count() == 1

    migrate_to_latest()
    page = client.get("/panel/precept/2022/")
    assert page.status_code == 200
    assert "£241.45" in page.content.decode() and "PROPOSALSUMMARY" in page.content.decode()
    assert client.get("/panel/annual-reports/2020/").status_code == 404
    figures = b"".join(client.get("/panel/complaints.csv").streaming_content).decode()
    assert "2021/22,2021-04-01,The Commissioner,4,2,1,1" in figures
    assert "PRIVATE" not in figures

    back = migrate(BEFORE)
    assert back.get_model("casework", "Case").objects.get(pk=published.pk).published_at == at
    assert back.get_model("casework", "Case").objects.get(pk=draft.pk).published_at is None
    statuses = sorted(back.get_model("panel", "Complaint").objects.values_list("status", flat=True))
    assert statuses == ["assessing", "not_recorded", "referred", "resolved"]
    assert not back.get_model("casework", "Complaint").objects.exists()
