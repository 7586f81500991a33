"""Every model that stores an author's Markdown keeps its HTML through ``MarkdownHTMLField``,
and the HTML follows the text however the row is written."""

import pytest
from django.apps import apps
from django.core import checks
from django.db import models
from django.test.utils import isolate_apps

from decisions.models import Decision
from pcc_portal.pages.models import ContentPage
from pcc_portal.publications.markdown_fields import (
    MarkdownHTMLField,
    RendersMarkdown,
    markdown_html_fields,
)
from performance.models import ReportCommentary
from tests.decisions.factories import (
    DecisionFactory,
    DecisionPart2Factory,
    DecisionsReportFactory,
)
from tests.pages.factories import ContentPageFactory
from tests.panel.factories import AgendaItemFactory, ReportFactory
from tests.performance.factories import (
    MeasureCommentaryFactory,
    QuarterlyReportFactory,
    ScrutinyMeetingFactory,
)
from tests.plans.factories import PriorityFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _report_commentary():
    report = QuarterlyReportFactory()
    return ReportCommentary.objects.create(
        report=report, priority=PriorityFactory(plan=report.plan), text="Before."
    )


MAKERS = {
    "plans.Section": SectionFactory,
    "plans.Priority": PriorityFactory,
    "performance.MeasureCommentary": MeasureCommentaryFactory,
    "performance.QuarterlyReport": QuarterlyReportFactory,
    "performance.ReportCommentary": _report_commentary,
    "performance.ScrutinyMeeting": ScrutinyMeetingFactory,
    "decisions.Decision": DecisionFactory,
    "decisions.DecisionPart2": DecisionPart2Factory,
    "decisions.DecisionsReport": DecisionsReportFactory,
    "panel.Report": ReportFactory,
    "panel.AgendaItem": AgendaItemFactory,
    "pages.ContentPage": ContentPageFactory,
}


def _pairs(model):
    """(source, html) for each field ``x_html`` beside a field ``x``, converted or not."""
    names = {f.name for f in model._meta.concrete_fields}
    return [
        (f.name.removesuffix("_html"), f.name)
        for f in model._meta.concrete_fields
        if f.name.endswith("_html") and f.name.removesuffix("_html") in names
    ]


def test_every_markdown_pair_in_the_project_is_a_markdown_html_field():
    found = {}
    for model in apps.get_models():
        if model.__module__.startswith("simple_history") or model.__name__.startswith("Historical"):
            continue
        for source, html in _pairs(model):
            field = model._meta.get_field(html)
            assert isinstance(field, MarkdownHTMLField), f"{model.__name__}.{html}"
            assert field.source == source
            assert issubclass(model, RendersMarkdown)
            found.setdefault(model._meta.label, []).append(source)
    assert set(found) == set(MAKERS)


@pytest.mark.parametrize("label", sorted(MAKERS))
def test_saving_only_the_markdown_renders_its_html(label):
    obj = MAKERS[label]()
    fields = markdown_html_fields(obj)
    assert fields
    for field in fields:
        setattr(obj, field.source, f"Now **{field.source}** is bold.")
        obj.save(update_fields=[field.source])
        stored = type(obj).objects.values_list(field.name, flat=True).get(pk=obj.pk)
        assert f"<strong>{field.source}</strong>" in stored
        assert getattr(obj, field.name) == stored


def test_a_full_save_and_a_bulk_insert_render_the_html():
    page = ContentPageFactory(body="Plain *emphasis*.")
    assert "<em>emphasis</em>" in page.body_html

    (leaflet,) = ContentPage.objects.bulk_create(
        [ContentPage(title="Leaflet", slug="leaflet", body="Approve **all** of it.")]
    )
    stored = ContentPage.objects.get(slug="leaflet")
    assert "<strong>all</strong>" in stored.body_html


def test_html_given_for_the_current_text_is_kept_and_a_later_edit_renders_again():
    page = ContentPageFactory(body="First.")
    field = page._meta.get_field("body_html")
    field.fill(page, "<p>Rendered elsewhere from the same text.</p>")
    page.save()
    page.refresh_from_db()
    assert page.body_html == "<p>Rendered elsewhere from the same text.</p>"

    page.body = "Second."
    page.save(update_fields=["body"])
    page.refresh_from_db()
    assert page.body_html == '<p class="govuk-body">Second.</p>'


def test_the_field_migrates_as_a_plain_text_column():
    field = Decision._meta.get_field("background_html")
    _name, path, _args, kwargs = field.deconstruct()
    assert path == "django.db.models.TextField"
    assert "source" not in kwargs and "render" not in kwargs


@isolate_apps("pcc_portal.pages")
def test_a_model_without_the_mixin_fails_the_system_check():
    class Leaflet(models.Model):
        text = models.TextField()
        text_html = MarkdownHTMLField(source="text")

        class Meta:
            app_label = "pages"

        def __str__(self):
            return self.text

    errors = Leaflet._meta.get_field("text_html").check()
    assert [e for e in errors if isinstance(e, checks.Error) and "RendersMarkdown" in e.msg]
