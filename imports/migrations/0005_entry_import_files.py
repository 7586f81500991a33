"""A register import keeps the ZIP of the PDFs its rows name (a contract's copies), privately."""

from django.db import migrations, models

import imports.models


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0004_register_entry_imports"),
    ]

    operations = [
        migrations.AddField(
            model_name="entryimport",
            name="files",
            field=models.FileField(
                blank=True,
                help_text="The ZIP of the PDFs the rows name (a contract's copies).",
                storage=imports.models.private_storage,
                upload_to="imports/registers/",
            ),
        ),
    ]
