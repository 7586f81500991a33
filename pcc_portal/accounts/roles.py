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
STATUTORY_OFFICER = "Statutory officer"

_RENDER_JOBS = ["publications.view_renderjob", "publications.change_renderjob"]
_CONTENT_PAGES = ["pages.*"]
_OFFICE = [
    "accounts.access_manage",
    *_RENDER_JOBS,
    *_CONTENT_PAGES,
    "plans.*",
    "decisions.*",
    "performance.*",
    "transparency.*",
    # Import runs' reports, and historic decisions from spreadsheets (published when applied).
    "imports.*",
]

# "app.*" is every permission of the app; "!app.codename" takes one away again.
ROLE_PERMISSIONS = {
    # Editors draft and edit everything; approving, signing and publishing statutory documents,
    # and releasing performance figures, is for decision makers.
    EDITOR: [
        *_OFFICE,
        "!plans.publish_plan",
        "!decisions.sign_decision",
        "!performance.publish_quarterlyreport",
        "!performance.release_figures",
        "!transparency.publish_spendingupload",
    ],
    DECISION_MAKER: _OFFICE,
    # The monitoring officer and the chief finance officer read decisions, Part 2 included, and
    # make their declarations; the offices they hold say which declaration each may make.
    STATUTORY_OFFICER: [
        "accounts.access_manage",
        "decisions.view_decision",
        "decisions.declare_decision",
        "decisions.view_decisionattachment",
        "decisions.view_decisionpart2",
        "decisions.view_part2attachment",
        "decisions.view_decisionsreport",
    ],
    PANEL_SECRETARY: [
        "accounts.access_manage",
        *_RENDER_JOBS,
        "panel.*",
        "casework.*",
        "imports.view_importrun",
    ],
    # Members read published content plus their meetings' exempt papers.
    PANEL_MEMBER: ["panel.view_exempt_items"],
}


def _query(labels):
    wanted, unwanted = models.Q(pk__in=[]), models.Q(pk__in=[])
    for label in labels:
        removing = label.startswith("!")
        app_label, codename = label.lstrip("!").split(".")
        condition = models.Q(content_type__app_label=app_label)
        if codename != "*":
            condition &= models.Q(codename=codename)
        if removing:
            unwanted |= condition
        else:
            wanted |= condition
    return wanted & ~unwanted


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
        # A permission whose app has not migrated yet is granted by that app's own migration,
        # which calls sync_roles again.
        group.permissions.set(permission_model.objects.filter(_query(labels)))
