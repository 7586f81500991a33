"""manage.py import_moderngov: bring the panel's meetings in from Modern.gov."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from imports import moderngov, services
from imports.models import ImportRun
from pcc_portal.tables import cell_day


def _day(text):
    """A --from/--to date: yyyy-mm-dd or dd/mm/yyyy."""
    day = cell_day(text)
    if day is None:
        raise ValueError(f"“{text}” is not a date: use yyyy-mm-dd or dd/mm/yyyy.")
    return day


class Command(BaseCommand):
    help = (
        "Import the Police and Crime Panel's meetings, agendas, papers and minutes from a "
        "Modern.gov installation (--url) or a folder saved from one (--dir)."
    )

    def add_arguments(self, parser):
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--url", help="The installation, e.g. https://democracy.example.gov.uk")
        where.add_argument(
            "--dir",
            help="A folder of GetCommittees.xml, GetMeetings-<id>.xml, GetMeeting-<id>.xml "
            "and documents/<attachmentid>.pdf",
        )
        parser.add_argument("--committee", help="The id of the committee that is the panel")
        parser.add_argument("--from", dest="date_from", help="The first date (yyyy-mm-dd)")
        parser.add_argument("--to", dest="date_to", help="The last date (yyyy-mm-dd)")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change, and change nothing"
        )
        parser.add_argument(
            "--user",
            required=True,
            help="The username the imported packs are published by (a panel secretary)",
        )
        parser.add_argument(
            "--delay",
            type=float,
            default=1.0,
            help="Seconds between requests to the installation (default 1)",
        )
        parser.add_argument(
            "--retries", type=int, default=3, help="Attempts after a failed request (default 3)"
        )

    def handle(self, *args, **options):
        try:
            by = get_user_model().objects.get(username=options["user"])
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"There is no user “{options['user']}”.") from error
        try:
            date_from = options["date_from"] and _day(options["date_from"])
            date_to = options["date_to"] and _day(options["date_to"])
            if options["url"]:
                source = moderngov.WebSource(
                    options["url"], delay=options["delay"], retries=options["retries"]
                )
            else:
                source = moderngov.FolderSource(options["dir"])
        except (ValueError, moderngov.SourceError) as error:
            raise CommandError(str(error)) from error
        run = services.import_moderngov(
            source=source,
            by=by,
            committee_id=options["committee"],
            date_from=date_from or None,
            date_to=date_to or None,
            dry_run=options["dry_run"],
        )
        self.report(run)
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(run.error)

    def report(self, run):
        would = "would be " if run.dry_run else ""
        for change in run.changes:
            detail = f": {change['detail']}" if change["detail"] else ""
            self.stdout.write(f"{change['record']}: {would}{change['action']}{detail}")
        for note in run.notes:
            self.stdout.write(f"Note: {note}")
        if run.status != ImportRun.Status.FAILED:
            self.stdout.write(
                f"{run.created_count} {would}created, {run.updated_count} {would}updated, "
                f"{run.unchanged_count} unchanged, {run.skipped_count} skipped."
            )
