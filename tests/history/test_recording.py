"""Work a person starts outside a request is recorded in the history as theirs; a request's
own user comes back after."""

from types import SimpleNamespace

import pytest
from simple_history.models import HistoricalRecords

from pcc_portal.history.recording import recorded_as
from tests.accounts.factories import UserFactory
from tests.pages.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_changes_made_inside_are_recorded_as_the_user_and_after_as_the_system():
    secretary = UserFactory(username="secretary")
    with recorded_as(secretary):
        inside = ContentPageFactory(title="Inside")
    outside = ContentPageFactory(title="Outside")
    assert inside.history.get().history_user == secretary
    assert outside.history.get().history_user is None
    assert not hasattr(HistoricalRecords.context, "request")


def test_a_request_being_served_gets_its_own_user_back():
    request = SimpleNamespace(user=UserFactory(username="clerk"))
    HistoricalRecords.context.request = request
    try:
        with recorded_as(UserFactory(username="secretary")):
            pass
        assert HistoricalRecords.context.request is request
    finally:
        del HistoricalRecords.context.request
