"""Publishing agenda packs: freeze the agenda, render the papers that changed, assemble.

``publish_pack`` freezes the agenda as it stands (``PackItem``/``PackPaper``) and a numbered
``Version`` of the meeting's ``AgendaPack``, and after commit starts the build: a Celery chord
renders, longest first and in parallel, only the papers whose frozen content has no cached PDF
yet (``PaperRender``), then ``assemble_pack`` counts pages, renders the front sheet and agenda
with the real page ranges, merges the structure trees and stamps the page numbers, once for the
members (exempt papers included) and once for the public. Page numbers are the members' pack's
in both: the public pack leaves exempt pages out rather than renumbering, so "page 40" is the
same page for everyone. A supplementary pack is a new version whose late papers follow all the
others, so the pages of the first pack keep their numbers.

A build is a worker job like a version's render job (``publications.jobs``): each attempt is
claimed under the build's row lock, and assembly claims it again, so two workers never assemble
one build; papers beat for the build while they render and assembly beats while it runs, so the
stall sweep restarts only a build whose worker died; a failed attempt is retried after a backoff
up to a cap, then the build is dead with its reason, and staff may build it again.

The work is done in ``pack_publishing``, ``pack_withdrawals``, ``pack_builds`` and
``pack_layout``; this module names what the rest of the portal uses.
"""

# ``assembly`` and ``publications_pdf`` too, the modules a build reads through: tests replace
# their functions (``assembly.assemble``, ``publications_pdf.render_pdf``) to make a build fail
# or stall at a given step.
from pcc_portal.publications import pdf as publications_pdf
from pcc_portal.publications.services import NothingToPublish

from .. import assembly
from .pack_builds import assemble_pack, render_paper, requeue_stalled_builds, start_build
from .pack_layout import MAX_FRONT_SHEET_PASSES
from .pack_publishing import (
    PackInProgress,
    paper_document_html,
    publish_pack,
    render_key,
    retry_pack,
)
from .pack_withdrawals import withdraw_carried_versions, withdraw_paper

__all__ = [
    "MAX_FRONT_SHEET_PASSES",
    "NothingToPublish",
    "PackInProgress",
    "assemble_pack",
    "assembly",
    "paper_document_html",
    "publications_pdf",
    "publish_pack",
    "render_key",
    "render_paper",
    "requeue_stalled_builds",
    "retry_pack",
    "start_build",
    "withdraw_carried_versions",
    "withdraw_paper",
]
