"""The main staff pages, signed in as each staff role, on a phone (375 px) and a desktop
(1280 px) with the demo data loaded: no sideways scrolling and no axe violation (WCAG 2.2 A/AA),
touch targets (2.5.8) included, so breadcrumbs and the links and buttons in staff tables are
big enough, or far enough apart, to tap.

Every page of a role is checked before the test fails, and the failure lists them all."""

import io

import pytest
from _pytest.outcomes import Failed
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from pcc_portal.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import sign_in, visit_at_widths

pytestmark = pytest.mark.browser

PLAN = "police-and-crime-plan-2021-2025"


def _editors_pages():
    from decisions.models import Decision
    from pcc_portal.pages.models import ContentPage
    from plans.models import Measure, Plan
    from transparency.forms import ENTRY_FORMS
    from transparency.models import SpecifiedItem

    plan = Plan.objects.get(slug=PLAN)
    decision = Decision.objects.get(financial_year=2021, number=28)
    # One with figures, whatever order the database returns: the figures table is checked.
    measure = Measure.objects.filter(plan=plan, data_points__isnull=False).order_by("pk").first()
    register = next(iter(ENTRY_FORMS))
    return [
        reverse("manage:dashboard"),
        plan.get_manage_url(),
        reverse("plans_manage:edit", kwargs={"pk": plan.pk}),
        decision.get_manage_url(),
        reverse("decisions_manage:edit", kwargs={"pk": decision.pk}),
        reverse("decisions_manage:create"),
        reverse("performance_manage:index"),
        reverse("performance_manage:measure", kwargs={"pk": measure.pk}),
        reverse("performance_manage:figure_add", kwargs={"pk": measure.pk}),
        reverse("transparency_manage:items"),
        reverse("transparency_manage:item", kwargs={"pk": SpecifiedItem.objects.first().pk}),
        reverse("transparency_manage:entries", kwargs={"register": register}),
        reverse("transparency_manage:entry_create", kwargs={"register": register}),
        reverse("pages_manage:publish", kwargs={"pk": ContentPage.objects.first().pk}),
        reverse("pages_manage:images"),
    ]


def _commissioners_pages():
    from decisions.models import Decision
    from plans.models import Plan

    plan = Plan.objects.get(slug=PLAN)
    decision = Decision.objects.get(financial_year=2021, number=28)
    return [
        reverse("manage:dashboard"),
        plan.get_manage_url(),
        reverse("plans_manage:publish", kwargs={"pk": plan.pk}),
        decision.get_manage_url(),
        reverse("decisions_manage:publish", kwargs={"pk": decision.pk}),
    ]


def _statutory_officers_pages():
    from decisions.models import Decision

    decision = Decision.objects.get(financial_year=2021, number=28)
    return [reverse("manage:dashboard"), decision.get_manage_url()]


def _secretarys_pages():
    from panel.models import Meeting

    meeting = Meeting.objects.filter(items__isnull=False).distinct().first()
    return [
        reverse("manage:dashboard"),
        reverse("panel_manage:meetings"),
        meeting.get_manage_url(),
        reverse("panel_manage:meeting_edit", kwargs={"pk": meeting.pk}),
        reverse("panel_manage:pack_publish", kwargs={"pk": meeting.pk}),
        reverse("panel_manage:members"),
    ]


ROLES = {
    "editor": _editors_pages,
    "commissioner": _commissioners_pages,
    "monitoring": _statutory_officers_pages,
    "secretary": _secretarys_pages,
}


@pytest.mark.parametrize("username", list(ROLES))
def test_staff_pages_pass_axe_and_reflow_at_phone_and_desktop_widths(page, live_server, username):
    call_command("load_demo", address=live_server.url + "/", stdout=io.StringIO())
    sign_in(page, live_server, get_user_model().objects.get(username=username), DEMO_PASSWORD)
    failures = []
    for url in ROLES[username]():
        try:
            visit_at_widths(page, url)
        except (AssertionError, Failed) as failure:
            failures.append(f"{url}:\n{failure}")
    assert failures == [], "\n\n".join(failures)
