"""Reads of the panel's members: each member's public record of attendance and
declarations, and the panel's political balance."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from pcc_portal.publications.models import Version

from ..models import Attendance, MinutedAttendance, MinutedDeclaration, Minutes

# Councils appoint their panel members at their annual meetings in May.
MUNICIPAL_YEAR_STARTS_IN = 5


def _live_minutes_versions():
    """The ids of the version of each meeting's minutes the public reads (the newest not
    withdrawn): members' pages count only what those published."""
    content_type = ContentType.objects.get_for_model(Minutes)
    newest = {}
    for object_id, pk, number in (
        Version.objects.public()
        .filter(content_type=content_type)
        .values_list("object_id", "pk", "number")
    ):
        if number > newest.get(object_id, (0, None))[0]:
            newest[object_id] = (number, pk)
    return [pk for _, pk in newest.values()]


def municipal_year_of(*, day):
    """The municipal year (from the councils' annual meetings in May) ``day`` falls in, by the
    year it starts: 1 May 2021 to 30 April 2022 is 2021."""
    return day.year if day.month >= MUNICIPAL_YEAR_STARTS_IN else day.year - 1


@dataclass
class AttendanceYear:
    year: int
    counts: dict

    @property
    def label(self):
        return f"{self.year}/{str(self.year + 1)[-2:]}"

    @property
    def meetings(self):
        return sum(self.counts.values())

    @property
    def percentage(self):
        """Present at what share of the meetings they were expected at, to the whole percent."""
        present = self.counts.get(Attendance.Status.PRESENT, 0)
        return round(100 * present / self.meetings) if self.meetings else None

    def count(self, status):
        return self.counts.get(status, 0)


def member_record(*, member):
    """A member's public page: attendance (by municipal year, with the share present) and
    declarations of interest as the published minutes record them, and their groups."""
    live = _live_minutes_versions()
    attendance = list(
        MinutedAttendance.objects.filter(member=member, version__in=live)
        .select_related("meeting")
        .order_by("-meeting__date")
    )
    years = {}
    for entry in attendance:
        counts = years.setdefault(municipal_year_of(day=entry.meeting.date), {})
        counts[entry.status] = counts.get(entry.status, 0) + 1
    return {
        "member": member,
        "attendance": attendance,
        "years": [AttendanceYear(year, counts) for year, counts in sorted(years.items())][::-1],
        "declarations": list(
            MinutedDeclaration.objects.filter(member=member, version__in=live)
            .select_related("meeting")
            .order_by("-meeting__date", "item_number")
        ),
        "groups": list(member.groups.select_related("report_back_to")),
    }


def political_balance(*, members):
    """How many of ``members`` each political group has, largest first; co-opted independent
    members are counted on their own."""
    counts = {}
    for member in members:
        if member.kind == member.Kind.INDEPENDENT:
            group = "Independent co-opted members"
        else:
            group = member.political_group or "Group not recorded"
        counts[group] = counts.get(group, 0) + 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
