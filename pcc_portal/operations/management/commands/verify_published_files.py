"""Check every published file against the checksum recorded when it was published."""

from django.core.management.base import BaseCommand, CommandError

from pcc_portal.operations.backups import verify_published_files
from pcc_portal.publications.services import remove_public_copies


class Command(BaseCommand):
    help = (
        "Read every published file back (a withdrawn version's from the private store) and "
        "compare it with its recorded SHA-256; report any withdrawn file left in the public store."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove-withdrawn-from-public",
            action="store_true",
            help="First delete any withdrawn version's PDF still in the public media store "
            "(its private copy is kept).",
        )

    def handle(self, *args, **options):
        if options["remove_withdrawn_from_public"]:
            for name in remove_public_copies():
                self.stdout.write(f"Removed {name} from the public media store.")
        check = verify_published_files()
        if check.problems:
            raise CommandError(
                f"{len(check.problems)} of {check.checked} published files failed their checks:\n"
                + "\n".join(check.problems)
            )
        self.stdout.write(self.style.SUCCESS(f"All {check.checked} published files verified."))
