"""One demonstration account per role and per statutory office, for the embedded default."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pcc_portal.accounts import roles
from pcc_portal.accounts.models import Office, OfficeHolding

# Known to anyone reading the README: only ever created by `load_demo` for the embedded demo.
DEMO_PASSWORD = "lancashire-demo-2021"  # noqa: S105

# The Commissioner and the Deputy took office after the May 2021 election; the officers were in
# post before it. The demo decisions of 2021/22 are signed and declared within these holdings.
ELECTED = datetime.date(2021, 5, 13)
APPOINTED = datetime.date(2019, 4, 1)

DEMO_ACCOUNTS = [
    # username, first name, last name, role (None for the superuser), offices held (kind, from)
    ("editor", "Demo", "Editor", roles.EDITOR, []),
    (
        "commissioner",
        "Demo",
        "Commissioner",
        roles.DECISION_MAKER,
        [(Office.Kind.COMMISSIONER, ELECTED)],
    ),
    ("deputy", "Demo", "Deputy", roles.DECISION_MAKER, [(Office.Kind.DEPUTY, ELECTED)]),
    (
        "monitoring",
        "Demo",
        "Chief Executive",
        roles.STATUTORY_OFFICER,
        [(Office.Kind.CHIEF_EXECUTIVE, APPOINTED), (Office.Kind.MONITORING_OFFICER, APPOINTED)],
    ),
    (
        "finance",
        "Demo",
        "Finance Officer",
        roles.STATUTORY_OFFICER,
        [(Office.Kind.CHIEF_FINANCE_OFFICER, APPOINTED)],
    ),
    ("secretary", "Demo", "Panel Secretary", roles.PANEL_SECRETARY, []),
    ("member", "Demo", "Panel Member", roles.PANEL_MEMBER, []),
    ("admin", "Demo", "Administrator", None, []),
]


def describe(role, offices):
    """What `load_demo` prints beside an account's username."""
    if role is None:
        return "Administrator (/admin/)"
    held = " and ".join(Office.Kind(kind).label for kind, _ in offices)
    return f"{role}: {held}" if held else role


def create_demo_accounts():
    """Create the demo accounts that are missing, with their roles and office holdings; existing
    ones (and their passwords) are kept."""
    user_model = get_user_model()
    created = []
    for username, first_name, last_name, role, offices in DEMO_ACCOUNTS:
        user, was_created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@pcc.example.org",
                "is_staff": role is None,
                "is_superuser": role is None,
            },
        )
        if was_created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            created.append(username)
        if role:
            user.groups.add(Group.objects.get(name=role))
        for kind, starts_on in offices:
            office = Office.objects.of_kind(kind).first()
            if office and not OfficeHolding.objects.filter(user=user, office=office).exists():
                OfficeHolding.objects.create(user=user, office=office, starts_on=starts_on)
    return created
