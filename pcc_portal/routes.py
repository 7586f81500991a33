"""The standard URLs of a kind of staff object, declared once: a section's ``urls_manage.py``
lists each object's standard routes with ``object_routes`` and writes out only its own."""

from django.urls import path
from django.views import View

# What each standard action's path adds to the object's prefix.
ACTION_PATHS = {
    "list": "",
    "create": "new/",
    "upload": "upload/",
    "detail": "<int:pk>/",
    "edit": "<int:pk>/edit/",
    "publish": "<int:pk>/publish/",
    "release": "<int:pk>/release/",
    "withdraw": "<int:pk>/withdraw/",
    "apply": "<int:pk>/apply/",
    "discard": "<int:pk>/discard/",
}


def object_routes(prefix, name="", *, names=None, **views):
    """The routes of one kind of staff object under ``prefix``: one for each action given a view,
    in the order given. The actions and their paths are ``ACTION_PATHS``.

    ``object_routes("reports/", "report", list=..., create=..., detail=..., edit=...,
    publish=...)`` serves ``reports/`` as ``report_list``, ``reports/new/`` as ``report_create``,
    ``reports/<int:pk>/`` as ``report`` (the object's own page bears its name),
    ``reports/<int:pk>/edit/`` as ``report_edit`` and ``reports/<int:pk>/publish/`` as
    ``report_publish``. With no ``name`` the namespace is the object's own, and each route is
    named for its action: ``list``, ``create``, ``detail``, ``edit``, ``publish``.

    ``names`` keeps a name given otherwise before this convention (``{"list": "reports"}``): URL
    names are what templates, views and tests reverse. A view class is served by its ``as_view()``.
    """
    names = names or {}
    unknown = (set(views) - set(ACTION_PATHS)) | (set(names) - set(views))
    if unknown:
        raise TypeError(f"object_routes({prefix!r}): no such action or no view for {unknown}")
    return [
        path(
            prefix + ACTION_PATHS[action],
            view.as_view() if isinstance(view, type) and issubclass(view, View) else view,
            name=names.get(action) or _name(name, action),
        )
        for action, view in views.items()
    ]


def _name(name, action):
    if not name:
        return action
    return name if action == "detail" else f"{name}_{action}"
