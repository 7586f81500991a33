"""The demo gives each councillor member a political group from their council's make-up (the
seeds do not name the groups), so the Panel page's political balance shows real figures."""

import re

import pytest
from django.urls import reverse

from panel import demo
from panel.models import Member

pytestmark = pytest.mark.django_db


def _balance(html):
    """The rows of the political balance table: {group: count}."""
    table = html.split("Current members by political group", 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">([^<]+)</th>'
        r'<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)</td>',
        table,
    )
    return {group: int(count) for group, count in rows}


def test_every_demo_councillor_has_the_group_of_their_councils_make_up():
    members = demo._members(demo.lancashire_panel())
    councillors = [m for m in members.values() if m.kind == Member.Kind.COUNCILLOR]
    assert councillors
    for member in councillors:
        member.refresh_from_db()
        assert member.political_group == demo.COUNCIL_GROUPS[member.council], member
    independent = members[demo.INDEPENDENT]
    independent.refresh_from_db()
    assert independent.political_group == ""


def test_the_panel_page_shows_the_demo_political_balance(client):
    demo._members(demo.lancashire_panel())
    balance = _balance(client.get(reverse("panel:members")).content.decode())
    assert balance == {
        "Labour": 10,
        "Conservative": 8,
        "Independent co-opted members": 1,
        "Total": 19,
    }
    assert "Group not recorded" not in balance


def test_loading_the_demo_again_keeps_a_group_the_secretary_changed():
    panel = demo.lancashire_panel()
    members = demo._members(panel)
    chair = members["Jackie Oakes"]
    Member.objects.filter(pk=chair.pk).update(political_group="Independent")
    demo._members(panel)
    chair.refresh_from_db()
    assert chair.political_group == "Independent"
