"""Decorators for the staff area's function views."""

from django.contrib.auth.decorators import login_required, permission_required


def staff(permission):
    """A function view's ``PermissionRequiredMixin``: the signed-out are sent to sign in, the
    signed-in without ``permission`` answered 403."""

    def decorate(view):
        return login_required(permission_required(permission, raise_exception=True)(view))

    return decorate
