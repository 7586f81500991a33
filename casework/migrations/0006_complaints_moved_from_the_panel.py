"""Move the complaints kept in the older list (``panel.Complaint``: a date, a status and
private details) into the casework's complaints, which the public figures count, before that
model is removed (``panel`` 0012). Each status becomes what the Regulations' steps say of it,
dated the day the complaint was received, since the older list kept no other date:

- being assessed: the decision whether to record it is pending;
- informal resolution: recorded, informal resolution started;
- resolved: recorded, resolved informally;
- referred to the IOPC: recorded, a serious complaint, referred;
- not recorded: not recorded (the older list kept no reason);
- withdrawn: recorded, then withdrawn.

The older list was about the Commissioner only and kept no complainant: the moved records say
so. Reversible: going back, each moved record returns to the older list with its status and
is removed from the casework's complaints.
"""

from django.db import migrations

MOVED = "Not kept (moved from the panel's earlier complaints list)"
NO_REASON = "The earlier complaints list kept no reason."


def _fields(status, received):
    recorded = {"recording": "recorded", "recording_decided_on": received}
    return {
        "assessing": {"recording": "pending"},
        "informal": {**recorded, "informal_resolution_started_on": received},
        "resolved": {
            **recorded,
            "informal_resolution_started_on": received,
            "outcome": "resolved",
            "outcome_on": received,
        },
        "referred": {
            **recorded,
            "serious": True,
            "became_clear_on": received,
            "referred_on": received,
        },
        "not_recorded": {
            "recording": "not_recorded",
            "recording_decided_on": received,
            "not_recorded_reason": NO_REASON,
        },
        "withdrawn": {**recorded, "outcome": "withdrawn", "outcome_on": received},
    }.get(status, {"recording": "pending"})


def _status(complaint):
    if complaint.referred_on:
        return "referred"
    if complaint.recording == "not_recorded":
        return "not_recorded"
    if complaint.outcome == "resolved":
        return "resolved"
    if complaint.outcome == "withdrawn":
        return "withdrawn"
    if complaint.informal_resolution_started_on:
        return "informal"
    return "assessing"


def forward(apps, schema_editor):
    Old = apps.get_model("panel", "Complaint")
    New = apps.get_model("casework", "Complaint")
    for old in Old.objects.all():
        New.objects.create(
            panel_id=old.panel_id,
            subject="commissioner",
            received_on=old.received_on,
            complainant_name=MOVED,
            details=old.details or "No details were kept in the earlier complaints list.",
            **_fields(old.status, old.received_on),
        )
    Old.objects.all().delete()


def backward(apps, schema_editor):
    Old = apps.get_model("panel", "Complaint")
    New = apps.get_model("casework", "Complaint")
    for new in New.objects.filter(complainant_name=MOVED):
        details = new.details
        if details == "No details were kept in the earlier complaints list.":
            details = ""
        Old.objects.create(
            panel_id=new.panel_id,
            received_on=new.received_on,
            status=_status(new),
            details=details,
        )
        new.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0005_cases_released_as_versions"),
        ("panel", "0011_members_records_webcast_times_and_agenda_deadlines"),
    ]

    operations = [migrations.RunPython(forward, backward)]
