"""Load the Lancashire demonstration data and the demo accounts; safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from pcc_portal.demo.accounts import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    create_demo_accounts,
    describe,
)
from pcc_portal.demo.modules import demo_modules


class Command(BaseCommand):
    help = "Load the demo data from the Lancashire seeds and one account per role and office."

    def add_arguments(self, parser):
        parser.add_argument("--address", default="http://127.0.0.1:8000/")

    def handle(self, *args, address, **options):
        with transaction.atomic():
            created = create_demo_accounts()
        self.stdout.write(f"Demo accounts created: {', '.join(created) or 'none (all present)'}")
        from django.contrib.auth import get_user_model

        publisher = get_user_model().objects.get(username="commissioner")
        for name, module in demo_modules():
            # One transaction per app: its PDFs are queued when it commits.
            with transaction.atomic():
                summary = module.load(publisher=publisher)
            if summary:
                self.stdout.write(f"{name.split('.')[-2]}: {summary}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"The portal is at {address}"))
        self.stdout.write(f"Sign in at {address}accounts/login/ with password {DEMO_PASSWORD!r}:")
        for username, _first, _last, role, offices in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<14} {describe(role, offices)}")
