"""The registers with every field the Order asks for (issue #16): reserved for the registers'
changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("transparency", "0014_specified_information_in_full")]

    operations = []
