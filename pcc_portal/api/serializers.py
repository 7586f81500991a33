"""What the API says of each public thing: only what its public page shows."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from decisions.models import Decision
from panel.models import Meeting
from transparency.freshness import Status


class AbsoluteURLField(serializers.URLField):
    """The full address, on the host the request came to, of a path the object gives:
    ``source`` names the method that gives it, such as ``get_absolute_url``."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value)


class DecisionSerializer(serializers.ModelSerializer):
    """A decision as the public register shows it: a restricted one as its stub (reference,
    title marked restricted, priority and date) with nothing of its content."""

    reference = serializers.CharField()
    title = serializers.CharField(source="public_title")
    restricted = serializers.BooleanField(source="is_restricted")
    priorities = serializers.ListField(child=serializers.CharField(), source="priority_labels")
    decision_maker = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    url = AbsoluteURLField(source="get_absolute_url")
    notice_pdf = AbsoluteURLField(source="get_pdf_url")

    class Meta:
        model = Decision
        fields = [
            "reference",
            "financial_year",
            "number",
            "title",
            "restricted",
            "decision_date",
            "priorities",
            "decision_maker",
            "summary",
            "url",
            "notice_pdf",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_decision_maker(self, decision):
        return None if decision.is_restricted else decision.decision_maker_title

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_summary(self, decision):
        return None if decision.is_restricted else decision.executive_summary


class PaperSerializer(serializers.Serializer):
    title = serializers.CharField()
    first_page = serializers.IntegerField(allow_null=True)
    last_page = serializers.IntegerField(allow_null=True)
    pdf = serializers.URLField()


class AgendaItemSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    exempt = serializers.BooleanField()
    exempt_reason = serializers.CharField()
    papers = PaperSerializer(many=True)


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting with the agenda of its published pack and the pack's public papers. Exempt
    items are listed as the public agenda lists them, without their papers."""

    status = serializers.CharField(source="get_status_display")
    place = serializers.CharField()
    url = AbsoluteURLField(source="get_absolute_url")
    pack_pdf = serializers.SerializerMethodField()
    agenda = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "date",
            "start_time",
            "status",
            "status_reason",
            "place",
            "url",
            "pack_pdf",
            "agenda",
        ]

    def _build(self, meeting):
        return self.context["builds"].get(meeting.pk)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_pack_pdf(self, meeting):
        if self._build(meeting) is None:
            return None
        return self.context["request"].build_absolute_uri(f"{meeting.get_absolute_url()}pack.pdf")

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, meeting):
        build = self._build(meeting)
        if build is None:
            return []
        request = self.context["request"]
        papers = self.context["papers"].get(build.pk, {})
        return [
            {
                "number": item.number,
                "title": item.title,
                "exempt": item.exempt,
                "exempt_reason": item.exempt_reason if item.exempt else "",
                "papers": []
                if item.exempt
                else [
                    {
                        "title": paper.title,
                        "first_page": paper.first_page,
                        "last_page": paper.last_page,
                        "pdf": request.build_absolute_uri(
                            f"{meeting.get_absolute_url()}papers/{paper.pk}.pdf"
                        ),
                    }
                    for paper in papers.get(item.pk, [])
                ],
            }
            for item in build.items.all()
        ]


class CommitmentSerializer(serializers.Serializer):
    wording = serializers.CharField()
    status = serializers.CharField()


class MeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    wording = serializers.CharField()
    theme = serializers.CharField()
    unit = serializers.CharField()
    national = serializers.BooleanField()


class PrioritySerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.URLField()
    commitments = CommitmentSerializer(many=True)
    measures = MeasureSerializer(many=True)


class PlanSerializer(serializers.Serializer):
    """A plan as its live version published it (later drafts are never shown)."""

    slug = serializers.CharField()
    title = serializers.CharField()
    commissioner = serializers.CharField()
    term_start = serializers.DateField()
    term_end = serializers.DateField()
    version = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    url = serializers.URLField()
    pdf = serializers.URLField()
    priorities = PrioritySerializer(many=True)


class FigureSerializer(serializers.Serializer):
    """A released figure, with the values released (a correction waiting for release is not)."""

    period = serializers.CharField(source="period.label")
    period_start = serializers.DateField(source="period.start")
    period_end = serializers.DateField(source="period.end")
    value = serializers.DecimalField(max_digits=16, decimal_places=4)
    comparison = serializers.DecimalField(
        source="comparison_value", max_digits=16, decimal_places=4, allow_null=True
    )
    target = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    source = serializers.CharField()
    note = serializers.CharField()
    demonstration = serializers.BooleanField()


class RegisterColumnSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The entry's field in ``record``.")
    heading = serializers.CharField(help_text="The column's heading on the register page.")


class RegisterSerializer(serializers.Serializer):
    """A public register, with the fields of its entries."""

    slug = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    columns = RegisterColumnSerializer(many=True)
    url = serializers.URLField(help_text="The register's page.")
    entries = serializers.URLField(help_text="Its entries in this API.")


class RegisterEntrySerializer(serializers.Serializer):
    """An entry as its release froze it: edits not yet released are never shown. Spending's
    entries are the payments of the months released."""

    id = serializers.IntegerField()
    version = serializers.IntegerField(
        allow_null=True, help_text="The release the public reads (none for a payment)."
    )
    released_at = serializers.DateTimeField()
    change_note = serializers.CharField(
        help_text="What the release said changed; an imported entry says when it was imported."
    )
    url = serializers.URLField()
    record = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Its fields, named as the register's columns' keys and valued as in the "
        "register's CSV and JSON.",
    )


class SpecifiedItemSerializer(serializers.Serializer):
    """An item of the Specified Information Order on the index, with its freshness."""

    code = serializers.CharField()
    reference = serializers.CharField(help_text="Its paragraph of the Order, e.g. “3(f)”.")
    paragraph = serializers.CharField(help_text="The group of the Order it is in.")
    paragraph_title = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    cadence = serializers.CharField()
    status = serializers.ChoiceField(choices=list(Status.LABELS))
    status_label = serializers.CharField()
    last_published = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    url = serializers.URLField(
        allow_null=True, help_text="Where it is published: the latest document or page."
    )
