"""Actions on register entries: saving staff edits, releasing and withdrawing entries."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from pcc_portal.publications import services as publishing
from pcc_portal.visibility import model_permission


def release_entry(*, entry, by, note):
    """Release a register entry as it stands now: its fields are frozen in a new record
    version, which the register, its CSV and JSON, search, the feeds and the sitemap read from
    this transaction on. An earlier release stays on record; a withdrawn one stays withdrawn."""
    _check_may_publish(entry, by)
    return publishing.publish(obj=entry, by=by, note=note)


def withdraw_entry(*, entry, by, reason):
    """Take a released entry off the public register for good, with the reason the public is
    told; it leaves every channel in the same transaction and comes back only by a new
    release."""
    _check_may_publish(entry, by)
    return publishing.withdraw(obj=entry, by=by, reason=reason)


def _check_may_publish(entry, by):
    if not by.has_perm(model_permission(type(entry), "publish")):
        plural = entry._meta.verbose_name_plural
        raise PermissionDenied(f"{by} may not release or withdraw {plural}.")


@transaction.atomic
def save_entry(*, entry, by, reason):
    """Save a staff edit. The public keeps reading the entry's last release: the edit is public
    only once released. Its history keeps every edit."""
    entry._change_reason = reason
    entry.save()
    return entry
