"""The publishing mechanism's listener (``PUBLICATION_LISTENERS``): every version made public
and every withdrawal moves the publication generation on, in its own transaction."""

from . import bump


def index_version(version):
    bump()


def remove_object(obj):
    bump()


def withdrawn(withdrawal):
    bump()
