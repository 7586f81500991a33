"""One demonstration account per role, for the embedded default."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pcc_portal.accounts import roles

# Known to anyone reading the README: only ever created by `load_demo` for the embedded demo.
DEMO_PASSWORD = "lancashire-demo-2021"  # noqa: S105

DEMO_ACCOUNTS = [
    # username, first name, last name, role (None for the superuser)
    ("editor", "Demo", "Editor", roles.EDITOR),
    ("commissioner", "Demo", "Commissioner", roles.DECISION_MAKER),
    ("secretary", "Demo", "Panel Secretary", roles.PANEL_SECRETARY),
    ("member", "Demo", "Panel Member", roles.PANEL_MEMBER),
    ("admin", "Demo", "Administrator", None),
]


def create_demo_accounts():
    """Create the demo accounts that are missing; existing ones (and their passwords) are kept."""
    user_model = get_user_model()
    created = []
    for username, first_name, last_name, role in DEMO_ACCOUNTS:
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
    return created
