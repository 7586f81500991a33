"""Values in a history are shown as staff read them, not as the database stores them."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import models

from pcc_portal.history.selectors import display_value, govuk_datetime, history_model


def test_dates_and_times_are_written_the_govuk_way_in_uk_time():
    summer = datetime(2021, 6, 6, 13, 5, tzinfo=ZoneInfo("UTC"))
    assert govuk_datetime(summer) == "6 June 2021 at 2:05pm"  # British Summer Time
    assert govuk_datetime(datetime(2021, 12, 6, 0, 30, tzinfo=ZoneInfo("UTC"))) == (
        "6 December 2021 at 12:30am"
    )
    assert govuk_datetime(datetime(2021, 12, 6, 12, 0, tzinfo=ZoneInfo("UTC"))) == (
        "6 December 2021 at 12:00pm"
    )


def test_choices_are_shown_by_their_label():
    status = models.CharField(choices=[("draft", "Draft"), ("published", "Published")])
    assert display_value(status, "published") == "Published"
    assert display_value(status, "unknown") == "unknown"


def test_yes_no_dates_and_blanks():
    assert display_value(models.BooleanField(), True) == "Yes"
    assert display_value(models.BooleanField(), False) == "No"
    assert display_value(models.DateField(), date(2021, 12, 6)) == "6 December 2021"
    assert display_value(models.TextField(), None) == ""
    assert display_value(models.TextField(), "") == ""
    assert display_value(models.IntegerField(), 0) == "0"


def test_related_objects_are_named_and_missing_ones_say_what_they_were():
    user_model = get_user_model()
    signed_by = models.ForeignKey(user_model, on_delete=models.PROTECT)
    labels = {user_model: {7: "Andrew Snowden"}}
    assert display_value(signed_by, 7, labels) == "Andrew Snowden"
    assert display_value(signed_by, 8, labels) == "user 8"


@pytest.mark.parametrize(
    ("app_label", "model_name", "keeps_history"),
    [
        ("pages", "contentpage", True),
        ("pages", "ContentPage", True),
        ("pages", "historicalcontentpage", False),
        ("accounts", "user", False),
        ("pages", "nosuchmodel", False),
        ("nosuchapp", "contentpage", False),
    ],
)
def test_only_models_that_keep_a_history_are_found(app_label, model_name, keeps_history):
    assert (history_model(app_label, model_name) is not None) == keeps_history
