"""The publishing mechanism's listener (``PUBLICATION_LISTENERS``): every version made public
and every withdrawal moves the publication generation on, in its own transaction, once.

A withdrawal tells the listeners twice: ``remove_object`` (or ``index_version``, when an older
version goes and the live one stays) and then ``withdrawn``. Only the first moves the
generation on; the second has nothing left to invalidate."""

from . import bump


def index_version(version):
    bump()


def remove_object(obj):
    bump()
