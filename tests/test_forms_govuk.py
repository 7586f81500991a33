"""The shared GOV.UK form pieces: the date input and error messages that name their field."""

import datetime

import pytest
from crispy_forms.utils import render_crispy_form
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.template.loader import render_to_string

from pcc_portal.forms import GovUKDateField, GovUKFormMixin, govuk_fields


class EventForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(max_length=20)
    held_on = GovUKDateField(label="Date of the meeting")
    ends_on = GovUKDateField(required=False)
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    agreed = forms.BooleanField(label="I agree")
    paper = forms.FileField(label="PDF file")
    summary = forms.CharField(error_messages={"required": "Write a summary"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(Field.text("title"), "held_on", "ends_on")


def _date(form_data, **extra):
    form = EventForm(data={"title": "A", **form_data, **extra})
    form.is_valid()
    return form


def _days(day, month, year, name="held_on"):
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}


def test_three_boxes_make_a_date():
    form = _date(_days("15", "3", "2027"))
    assert "held_on" not in form.errors
    assert form.cleaned_data["held_on"] == datetime.date(2027, 3, 15)


def test_a_month_can_be_written_as_a_word():
    form = _date(_days("6", "Dec", "2021"))
    assert form.cleaned_data["held_on"] == datetime.date(2021, 12, 6)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("15", "", "2027", "Date of the meeting must include a month"),
        ("", "3", "2027", "Date of the meeting must include a day"),
        ("15", "3", "", "Date of the meeting must include a year"),
        ("15032027", "", "", "Date of the meeting must include a month and year"),
        ("31", "2", "2027", "Date of the meeting must be a real date"),
        ("15", "13", "2027", "Date of the meeting must be a real date"),
        ("fifth", "3", "2027", "Date of the meeting must be a real date"),
        ("15", "3", "27", "Year must include 4 numbers"),
    ],
)
def test_a_wrong_date_is_named_and_never_guessed(day, month, year, message):
    form = _date(_days(day, month, year))
    assert form.errors["held_on"] == [message]


def test_typing_the_date_as_digits_in_one_box_is_refused_not_misread():
    """Before, "15032027" typed into a date box saved 3 December 2027."""
    form = _date(_days("15032027", "", ""))
    assert form.errors["held_on"] == ["Date of the meeting must include a month and year"]
    form = _date({"held_on": "15032027"})
    assert form.errors["held_on"] == ["Date of the meeting must be a real date"]


def test_a_form_may_say_in_its_own_words_that_a_date_is_not_a_date():
    class HoldingForm(GovUKFormMixin, forms.Form):
        starts_on = GovUKDateField(
            label="First day", error_messages={"invalid": "Enter the first day as a date"}
        )

    form = HoldingForm(data=_days("31", "2", "2021", name="starts_on"))
    assert form.errors["starts_on"] == ["Enter the first day as a date"]
    form = HoldingForm(data=_days("", "2", "2021", name="starts_on"))
    assert form.errors["starts_on"] == ["First day must include a day"]


def test_a_date_posted_as_one_iso_value_is_still_understood():
    form = _date({"held_on": "2021-12-06"})
    assert form.cleaned_data["held_on"] == datetime.date(2021, 12, 6)


def test_an_empty_required_date_asks_for_it_by_name_and_an_optional_one_is_none():
    form = _date({})
    assert form.errors["held_on"] == ["Enter the date of the meeting"]
    assert form.cleaned_data["ends_on"] is None


def test_a_wrong_date_is_shown_again_as_typed_with_the_wrong_box_marked():
    form = _date(_days("15", "", "2027"))
    html = render_crispy_form(form)
    assert 'value="15"' in html and 'value="2027"' in html
    assert 'class="govuk-date-input"' in html
    assert 'name="held_on_0"' in html and 'name="held_on_1"' in html
    month = (
        html.split('name="held_on_1"')[0].rsplit("<input", 1)[1]
        + html.split('name="held_on_1"')[1].split(">", 1)[0]
    )
    assert "govuk-input--error" in month
    day = (
        html.split('name="held_on_0"')[0].rsplit("<input", 1)[1]
        + html.split('name="held_on_0"')[1].split(">", 1)[0]
    )
    assert "govuk-input--error" not in day


def test_an_unbound_form_shows_the_initial_date_in_its_three_boxes():
    form = EventForm(initial={"held_on": datetime.date(2021, 12, 6)})
    html = render_crispy_form(form)
    assert 'name="held_on_0" value="6"' in html
    assert 'name="held_on_1" value="12"' in html
    assert 'name="held_on_2" value="2021"' in html


def test_required_messages_name_the_field():
    form = EventForm(data={})
    assert not form.is_valid()
    assert form.errors["title"] == ["Enter the title"]
    assert form.errors["kind"] == ["Choose the kind"]
    assert form.errors["agreed"] == ["Tick \u201cI agree\u201d to go on"]
    assert form.errors["paper"] == ["Choose PDF file to upload"]
    # A message the form set itself is kept.
    assert form.errors["summary"] == ["Write a summary"]
    assert "This field is required." not in str(form.errors)


def test_too_long_an_answer_says_how_long_it_may_be():
    form = _date({"title": "x" * 25})
    assert form.errors["title"] == ["Title must be 20 characters or fewer (it has 25)"]


def test_a_label_set_after_the_form_is_made_is_the_one_named():
    form = EventForm(data={})
    form.fields["title"].label = "Name of the event"
    form.is_valid()
    assert form.errors["title"] == ["Enter the name of the event"]


def test_the_error_summary_links_to_the_first_box_of_a_date_and_of_a_radio_group():
    form = EventForm(data={"held_on_0": "15"})
    form.is_valid()
    html = render_to_string("includes/error_summary.html", {"form": form})
    assert 'href="#id_held_on_0"' in html
    assert 'href="#id_kind_0"' in html
    assert 'href="#id_title"' in html
    assert "Enter the title" in html


def test_model_forms_ask_for_their_dates_with_three_boxes():
    from decisions.models import DecisionsReport

    class ReportForm(GovUKFormMixin, forms.ModelForm):
        class Meta:
            model = DecisionsReport
            fields = ["title", "period_start"]
            formfield_callback = govuk_fields
            widgets = {"period_start": forms.DateInput(attrs={"type": "date"})}

    form = ReportForm()
    assert isinstance(form.fields["period_start"], GovUKDateField)
    assert form.fields["period_start"].label == "Period start"


def test_model_forms_read_a_link_typed_without_its_scheme_as_https():
    from transparency.forms.index import InspectionReportForm

    form = InspectionReportForm(
        data={
            "inspection-title": "PEEL 2023-2025: Lancashire Constabulary",
            "inspection-kind": "peel",
            "inspection-published_on_0": "14",
            "inspection-published_on_1": "3",
            "inspection-published_on_2": "2025",
            "inspection-url": "hmicfrs.justiceinspectorates.gov.uk/peel-lancashire",
        },
        today=datetime.date(2025, 4, 1),
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["url"] == "https://hmicfrs.justiceinspectorates.gov.uk/peel-lancashire"
