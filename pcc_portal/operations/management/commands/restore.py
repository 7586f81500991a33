"""Restore a backup into an empty database and empty media stores, then verify it."""

from django.core.management.base import BaseCommand, CommandError

from pcc_portal.operations.backups import BackupError, restore_backup, verify_published_files


class Command(BaseCommand):
    help = (
        "Restore a backup folder into the configured database and media stores, which must be "
        "empty, then check every published file against its checksum."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder written by `manage.py backup`")

    def handle(self, *args, folder, **options):
        try:
            manifest = restore_backup(folder=folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created_at']}.")
        check = verify_published_files()
        if check.problems or check.checked != manifest["published_files"]:
            raise CommandError(
                f"Restored, but {len(check.problems)} of {check.checked} published files failed "
                f"their checks (the backup listed {manifest['published_files']}):\n"
                + "\n".join(check.problems)
            )
        self.stdout.write(self.style.SUCCESS(f"All {check.checked} published files verified."))
