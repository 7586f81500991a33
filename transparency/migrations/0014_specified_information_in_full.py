"""The Specified Information index in full (issue #16): reserved for the index's changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("transparency", "0013_grants_published_monthly")]

    operations = []
