"""Remove the older complaints list: its records were moved to the casework's complaints
(``casework`` 0006), which the public figures count."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0011_members_records_webcast_times_and_agenda_deadlines"),
        ("casework", "0006_complaints_moved_from_the_panel"),
    ]

    operations = [
        migrations.RemoveField(model_name="historicalcomplaint", name="history_user"),
        migrations.RemoveField(model_name="historicalcomplaint", name="panel"),
        migrations.DeleteModel(name="Complaint"),
        migrations.DeleteModel(name="HistoricalComplaint"),
    ]
