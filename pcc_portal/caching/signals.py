"""The one mechanism that moves the publication generation on: any saved or deleted row of
the apps public pages read bumps it, in the transaction that writes it. A release is the saved
row of its version (marked ready by the render job, or by the agenda pack's assembly), a
withdrawal the new row recording it (``Withdrawal``), so each moves it on once; so does what
public pages read without a version of its own (released figures, a published casework case, a
meeting's date or venue, a page). Saving a draft does too, needlessly but harmlessly. Left
out are the rows that never change a page by themselves: work records (render jobs, pack
builds), history, the search index, and where a withdrawn PDF was moved (``MovedFile``: the
withdrawal that moved it has already bumped it)."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import bump

PUBLIC_APPS = {
    "plans",
    "decisions",
    "panel",
    "performance",
    "transparency",
    "casework",
    "pages",
    "publications",
    "accounts",  # office holders named on public pages
}
IGNORED_MODELS = {
    "transparency.searchentry",
    "panel.paperrender",
    "publications.movedfile",
    "accounts.user",  # a sign-in saves last_login
}


def _matters(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in PUBLIC_APPS:
        return False
    try:
        registered = apps.get_registered_model(meta.app_label, meta.object_name)
    except LookupError:
        return False  # a migration's model of a model removed since (panel.Complaint)
    if registered is not sender:
        return False  # a migration's historical model: the generation comes with its own
    if meta.label_lower in IGNORED_MODELS or sender.__name__.startswith("Historical"):
        return False
    from pcc_portal.publications.models import WorkerJob

    return not issubclass(sender, WorkerJob)


def _changed(sender, **kwargs):
    if kwargs.get("raw"):
        return  # loading fixtures
    if _matters(sender):
        bump()


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _matters(type(instance)):
        bump()


def connect():
    post_save.connect(_changed, dispatch_uid="caching-post-save")
    post_delete.connect(_changed, dispatch_uid="caching-post-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="caching-m2m")
