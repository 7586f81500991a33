"""Copy the public and staff read: proper plurals, month names with capitals, plain words."""

import pytest
from django.urls import reverse

from performance.periods import Period
from tests.transparency.factories import GiftFactory, GrantFactory


@pytest.mark.django_db
def test_a_registers_count_uses_the_proper_plural(client):
    url = reverse("transparency:register", kwargs={"register": "gifts-and-hospitality"})
    GiftFactory()
    assert "1 gift or hospitality." in client.get(url).content.decode()
    GiftFactory(donor="Sample Rotary Club")
    GiftFactory(donor="Sample Chamber of Commerce")
    page = client.get(url).content.decode()
    assert "3 gifts or hospitality." in page and "hospitalitys" not in page
    GrantFactory()
    GrantFactory(recipient="Sample Youth Trust")
    page = client.get(reverse("transparency:register", kwargs={"register": "grants"}))
    assert "2 grants" in page.content.decode()


def test_a_quarter_in_a_sentence_keeps_its_month_names_capitalised():
    quarter = Period.quarter(2021, 2)
    assert quarter.sentence_label == "quarter 2 of 2021-22 (July to September 2021)"
    assert Period.month(2021, 7).sentence_label == "July 2021"
