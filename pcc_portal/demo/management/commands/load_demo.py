"""Load the Lancashire demonstration data and the demo accounts; safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from pcc_portal.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, create_demo_accounts


class Command(BaseCommand):
    help = "Load the demo data from the Lancashire seeds and one account per role."

    def add_arguments(self, parser):
        parser.add_argument("--address", default="http://127.0.0.1:8000/")

    @transaction.atomic
    def handle(self, *args, address, **options):
        created = create_demo_accounts()
        self.stdout.write(f"Demo accounts created: {', '.join(created) or 'none (all present)'}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"The portal is at {address}"))
        self.stdout.write(f"Sign in at {address}accounts/login/ with password {DEMO_PASSWORD!r}:")
        for username, _first, _last, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<14} {role or 'Administrator (/admin/)'}")
