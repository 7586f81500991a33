"""Fixtures for the Panel: a member sitting on it today."""

import pytest


@pytest.fixture
def sitting_member(db):
    """A panel member's account linked to a serving member of the (Lancashire) panel."""
    from pcc_portal.accounts import roles
    from tests.accounts.factories import UserFactory
    from tests.panel.factories import MemberFactory

    user = UserFactory(username="councillor", roles=[roles.PANEL_MEMBER])
    MemberFactory(name="Jackie Oakes", user=user)
    return user
