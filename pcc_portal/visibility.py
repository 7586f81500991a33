"""Who sees what, in one contract every model with visibility implements on its QuerySet.

``public()`` is what anyone may see, signed in or not. ``visible_to(user)`` is what ``user``
may see: everything for a user holding any of the QuerySet's ``draft_permissions``, else
``public()``. Views, feeds, exports, the API and search go through these two methods and
never filter on status themselves. A QuerySet states which permissions see drafts; it
overrides ``visible_to`` only where visibility is not all-or-public (a member's papers follow
their seat on the Panel, an approval request its kinds and its author).
"""

from django.db import models


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
        opts = self.model._meta
        return any(
            user.has_perm(name if "." in name else f"{opts.app_label}.{name}_{opts.model_name}")
            for name in self.draft_permissions
        )

    def visible_to(self, user):
        return self.all() if self.sees_everything(user) else self.public()
