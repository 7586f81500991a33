"""Register entries get the permission to release and withdraw them, and a month's spending
records when it was released; ``0010`` moves what was public onto released versions."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("transparency", "0008_roles_release_spending")]

    operations = [
        migrations.AlterModelOptions(
            name="contract",
            options={
                "ordering": ["-starts_on", "-pk"],
                "permissions": [("publish_contract", "Can release and withdraw entries")],
            },
        ),
        migrations.AlterModelOptions(
            name="forwardplanentry",
            options={
                "ordering": ["expected_on", "pk"],
                "permissions": [("publish_forwardplanentry", "Can release and withdraw entries")],
                "verbose_name_plural": "forward plan entries",
            },
        ),
        migrations.AlterModelOptions(
            name="gifthospitality",
            options={
                "ordering": ["-offered_on", "-pk"],
                "permissions": [("publish_gifthospitality", "Can release and withdraw entries")],
                "verbose_name": "gift or hospitality",
                "verbose_name_plural": "gifts and hospitality",
            },
        ),
        migrations.AlterModelOptions(
            name="grant",
            options={
                "ordering": ["-awarded_on", "-pk"],
                "permissions": [("publish_grant", "Can release and withdraw entries")],
            },
        ),
        migrations.AlterModelOptions(
            name="interest",
            options={
                "ordering": ["holder", "category", "-registered_on"],
                "permissions": [("publish_interest", "Can release and withdraw entries")],
            },
        ),
        migrations.AddField(
            model_name="historicalspendingupload",
            name="released_at",
            field=models.DateTimeField(
                blank=True, help_text="When the draft was released; empty while a draft.", null=True
            ),
        ),
        migrations.AddField(
            model_name="spendingupload",
            name="released_at",
            field=models.DateTimeField(
                blank=True, help_text="When the draft was released; empty while a draft.", null=True
            ),
        ),
    ]
