"""Who sees what, in one contract every model with visibility implements on its QuerySet.

``public()`` is what anyone may see, signed in or not. ``visible_to(user)`` is what ``user``
may see: everything for a user holding any of the QuerySet's ``draft_permissions``, else
``public()``. Views, feeds, exports, the API and search go through these two methods and
never filter on status themselves. A QuerySet states which permissions see drafts; it
overrides ``visible_to`` only where visibility is not all-or-public (a member's papers follow
their seat on the Panel, an approval request its kinds and its author).

Whoever may change an object holds a permission that sees drafts, so they see every object of
its kind: no save can hide what was saved from its editor, and an edit view needs no check after
saving that the object is still visible to them (NetBox's edit view makes that check because its
object permissions can depend on the fields edited; ours never do).
"""

from django.contrib.auth import get_permission_codename
from django.db import models


def model_permission(model, action):
    """The full name of the permission to take ``action`` on ``model``'s objects:
    ``model_permission(Grant, "publish")`` is ``"transparency.publish_grant"``."""
    return f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"


class VisibilityQuerySet(models.QuerySet):
    # Actions on the QuerySet's own model ("view" is "<app>.view_<model>") or full permission
    # names of other models ("decisions.sign_decision").
    draft_permissions = ("view", "change")

    def public(self):
        """Nothing, unless the model says what the public sees."""
        return self.none()

    def sees_everything(self, user):
        if not user.is_authenticated:
            return False
        return any(
            user.has_perm(name if "." in name else model_permission(self.model, name))
            for name in self.draft_permissions
        )

    def visible_to(self, user):
        return self.all() if self.sees_everything(user) else self.public()
