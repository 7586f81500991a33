"""Check every published file against the checksum recorded when it was published."""

from django.core.management.base import BaseCommand, CommandError

from pcc_portal.operations.backups import verify_published_files


class Command(BaseCommand):
    help = "Read every published file back and compare it with its recorded SHA-256."

    def handle(self, *args, **options):
        check = verify_published_files()
        if check.problems:
            raise CommandError(
                f"{len(check.problems)} of {check.checked} published files failed their checks:\n"
                + "\n".join(check.problems)
            )
        self.stdout.write(self.style.SUCCESS(f"All {check.checked} published files verified."))
