"""Frozen, numbered versions of published documents and the jobs that render their PDFs.

Every app publishes through these models: a ``Version`` freezes what the public sees (HTML,
PDF, checksum, who, when, change note, or for a register entry the frozen record itself); a
``RenderJob`` is the truth about a document version's PDF.
"""

from .generic import ForObjectQuerySet
from .publishable import Publishable, PublishableQuerySet
from .versions import ImmutableVersionError, MovedFile, Version, VersionQuerySet, private_storage
from .withdrawals import Withdrawal, WithdrawalNotice, WithdrawalQuerySet
from .worker_jobs import RenderJob, WorkerJob, WorkerJobQuerySet, attempts_within_cap

__all__ = [
    "ForObjectQuerySet",
    "ImmutableVersionError",
    "MovedFile",
    "Publishable",
    "PublishableQuerySet",
    "RenderJob",
    "Version",
    "VersionQuerySet",
    "Withdrawal",
    "WithdrawalNotice",
    "WithdrawalQuerySet",
    "WorkerJob",
    "WorkerJobQuerySet",
    "attempts_within_cap",
    "private_storage",
]
