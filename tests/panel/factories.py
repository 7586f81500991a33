"""The Police and Crime Panel for tests: the Panel, members, meetings, agenda items and papers."""

import datetime

import factory

from panel.models import AgendaItem, Meeting, Member, Panel, Paper, Report, TaskAndFinishGroup


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        django_get_or_create = ("name",)

    name = "Police & Crime Panel for Lancashire"
    host_authority = "Blackburn with Darwen Borough Council"
    secretary_name = "Asad Laher"
    secretary_email = "secretary@panel.example.org"
    secretary_phone = "01254 585585"


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    panel = factory.SubFactory(PanelFactory)
    name = factory.Sequence(lambda n: f"Member {n} Smith")
    council = "Rossendale Borough Council"
    term_start = datetime.date(2021, 5, 1)
    email = factory.Sequence(lambda n: f"member{n}@council.example.org")

    class Params:
        # The Panel's chair as the demo data has her, with the substitute who may stand in.
        the_chair = factory.Trait(
            name="Jackie Oakes",
            political_group="Labour",
            role="chair",
            substitutes="Councillor Alyson Barnes",
        )


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    panel = factory.SubFactory(PanelFactory)
    date = factory.Sequence(lambda n: datetime.date(2021, 12, 6) + datetime.timedelta(days=7 * n))
    start_time = datetime.time(18, 0)
    venue = "Blackburn Town Hall"
    room = "Meeting Room A"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Report {n}")


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Report to the panel {n}")
    contact = "Ian Dickinson, Office of the Police and Crime Commissioner"
    executive_summary = "This report updates the panel."
    recommendation = "The Panel is asked to note the report."
    body = "## Background\n\nThe Commissioner reports to the panel."


def report_paper(item, *, title=None, paragraphs=3, marker=None):
    """A report paper on ``item`` whose body is ``paragraphs`` long (for known page counts)."""
    marker = marker or f"MARKER-{item.number}"
    body = (
        "\n\n".join(
            f"{marker} paragraph {i}. " + "The panel reviews the Commissioner's work. " * 30
            for i in range(paragraphs)
        )
        + f"\n\n{marker} ends here."
    )
    report = ReportFactory(meeting=item.meeting, title=title or item.title, body=body)
    return Paper.objects.create(
        item=item, title=report.title, kind=Paper.Kind.REPORT, report=report, position=1
    )


class TaskAndFinishGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskAndFinishGroup

    panel = factory.SubFactory(PanelFactory)
    title = factory.Sequence(lambda n: f"Task and finish group {n}")
