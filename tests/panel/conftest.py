import pytest


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what a service queues on commit (Celery is eager in tests), as a commit would."""

    def _run(action, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(**kwargs)

    return _run


@pytest.fixture
def sitting_member(db):
    """A panel member's account linked to a serving member of the (Lancashire) panel."""
    from pcc_portal.accounts import roles
    from tests.accounts.factories import UserFactory
    from tests.panel.factories import MemberFactory

    user = UserFactory(username="councillor", roles=[roles.PANEL_MEMBER])
    MemberFactory(name="Jackie Oakes", user=user)
    return user
