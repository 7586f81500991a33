"""`load_demo` creates one account per role and per statutory office, and can be run again
without losing anything."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from pcc_portal.accounts import roles
from pcc_portal.accounts.models import Office, OfficeHolding


@pytest.mark.django_db
def test_demo_accounts_exist_for_every_role_and_survive_a_second_run(capsys):
    call_command("load_demo")
    users = get_user_model().objects
    commissioner = users.get(username="commissioner")
    assert commissioner.groups.filter(name=roles.DECISION_MAKER).exists()
    for role in (roles.EDITOR, roles.PANEL_SECRETARY, roles.PANEL_MEMBER):
        assert users.filter(groups__name=role).exists()
    assert users.get(username="admin").is_superuser

    def offices(username):
        holdings = OfficeHolding.objects.filter(user__username=username, ends_on=None)
        return set(holdings.values_list("office__kind", flat=True))

    assert offices("commissioner") == {Office.Kind.COMMISSIONER}
    assert offices("deputy") == {Office.Kind.DEPUTY}
    assert offices("monitoring") == {Office.Kind.CHIEF_EXECUTIVE, Office.Kind.MONITORING_OFFICER}
    assert offices("finance") == {Office.Kind.CHIEF_FINANCE_OFFICER}
    for username in ("monitoring", "finance"):
        assert users.get(username=username).groups.filter(name=roles.STATUTORY_OFFICER).exists()

    commissioner.set_password("a-password-the-user-chose-later")
    commissioner.save()
    call_command("load_demo")
    commissioner.refresh_from_db()
    assert commissioner.check_password("a-password-the-user-chose-later")
    assert users.count() == 8
    assert OfficeHolding.objects.count() == 5  # none added twice
    output = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in output
    assert "editor" in output
    assert "Statutory officer: Chief Executive and Monitoring Officer" in output
