"""Back up the database and both media stores into a new folder."""

from django.core.management.base import BaseCommand, CommandError

from pcc_portal.operations.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and both media stores (public and private) into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("into", help="the folder to create the backup in")

    def handle(self, *args, into, **options):
        try:
            folder = create_backup(into=into)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}"))
