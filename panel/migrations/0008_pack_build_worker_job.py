"""Pack builds become worker jobs, with the render jobs' attempts, heartbeat and dead state.

A build that failed before this was not retried: it becomes dead (staff may still build it again).
Unfinished builds take their creation as their last heartbeat or attempt, so the stall sweep picks
up those that are lost, as it did. Reversible: dead builds go back to failed, and failed builds
waiting for a retry are failed already.
"""

import django.utils.timezone
from django.db import migrations, models

FAILED, DEAD = "failed", "dead"
RUNNING = ["rendering", "assembling"]


def failed_builds_are_dead(apps, schema_editor):
    PackBuild = apps.get_model("panel", "PackBuild")
    PackBuild.objects.filter(status=FAILED).update(status=DEAD)
    PackBuild.objects.filter(status__in=RUNNING).update(heartbeat_at=models.F("created_at"))
    PackBuild.objects.filter(status="queued").update(next_attempt_at=models.F("created_at"))


def dead_builds_are_failed(apps, schema_editor):
    PackBuild = apps.get_model("panel", "PackBuild")
    PackBuild.objects.filter(status=DEAD).update(status=FAILED)


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0007_withdrawn_papers"),
        ("publications", "0006_render_job_claimed_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="packbuild",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="packbuild",
            name="claimed_by",
            field=models.CharField(
                blank=True,
                help_text="The worker process that took the last attempt.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="packbuild",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="packbuild",
            name="max_attempts",
            field=models.PositiveSmallIntegerField(default=4),
        ),
        migrations.AddField(
            model_name="packbuild",
            name="next_attempt_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="packbuild",
            name="started_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="packbuild",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Queued"),
                    ("rendering", "Rendering papers"),
                    ("assembling", "Assembling"),
                    ("ready", "Published"),
                    ("failed", "Failed, will retry"),
                    ("dead", "Failed"),
                ],
                default="queued",
                max_length=20,
            ),
        ),
        migrations.AddConstraint(
            model_name="packbuild",
            constraint=models.CheckConstraint(
                condition=models.Q(("attempts__lte", models.F("max_attempts"))),
                name="pack_build_attempts_within_cap",
            ),
        ),
        migrations.RunPython(failed_builds_are_dead, dead_builds_are_failed),
    ]
