"""The portal's roles: each is a Django group with the permissions that role needs.

Data migrations call ``sync_roles`` with the historical app registry; an app that adds permissions
adds them to ``ROLE_PERMISSIONS`` and a migration, depending on its models, that calls
``sync_roles`` again.
"""

from django.contrib.auth.management import create_permissions
from django.db import models

EDITOR = "Editor"
DECISION_MAKER = "Decision maker"
PANEL_SECRETARY = "Panel secretary"
PANEL_MEMBER = "Panel member"

_RENDER_JOBS = ["publications.view_renderjob", "publications.change_renderjob"]
_CONTENT_PAGES = [
    "pages.view_contentpage",
    "pages.add_contentpage",
    "pages.change_contentpage",
    "pages.publish_contentpage",
]

ROLE_PERMISSIONS = {
    EDITOR: ["accounts.access_manage", *_RENDER_JOBS, *_CONTENT_PAGES],
    DECISION_MAKER: ["accounts.access_manage", *_RENDER_JOBS, *_CONTENT_PAGES],
    PANEL_SECRETARY: ["accounts.access_manage", *_RENDER_JOBS],
    PANEL_MEMBER: [],
}


def sync_roles(apps, schema_editor=None):
    """Create each role's group and give it exactly the permissions listed above."""
    # Permissions are normally created after all migrations run; create them now so a fresh
    # database gets its roles in one `migrate`.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, labels in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role)
        wanted = models.Q(pk__in=[])
        for label in labels:
            app_label, codename = label.split(".")
            wanted |= models.Q(content_type__app_label=app_label, codename=codename)
        # A permission whose app has not migrated yet is granted by that app's own migration,
        # which calls sync_roles again.
        group.permissions.set(permission_model.objects.filter(wanted))
