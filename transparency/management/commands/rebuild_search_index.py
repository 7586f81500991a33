"""Index everything published, from scratch (after a deployment that adds search, or to
repair the index)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from transparency.search import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the site search index from every published version and register entry."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"{count} items are searchable."))
