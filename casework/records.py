"""A case as a release froze it: the record its version keeps (the case, its steps, and the
name and checksum of each step's cleaned document), the text search indexes, and the unsaved
instances the public pages render from that record, never from the live rows."""

import datetime
import hashlib
from decimal import Decimal

from django.urls import reverse

from pcc_portal.publications.pdf_safety import extract_text

MAX_DOCUMENT_TEXT = 200_000  # characters of one document's text kept for search

# What staff record of a step (the step form's fields) is what a release freezes of it: the
# date and the amount as text, the others as they are.
STEP_FIELDS = (
    "kind",
    "date",
    "summary",
    "amount",
    "outcome",
    "veto_direction",
    "votes_for",
    "votes_against",
    "abstentions",
    "members_in_office",
    "document_title",
)
_AS_TEXT = ("date", "amount")
_AS_THEY_ARE = tuple(name for name in STEP_FIELDS if name not in _AS_TEXT)


def _sha256(field):
    if not field:
        return ""
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def document_text(step):
    """The text inside a step's cleaned document, or "" if it has none or it cannot be read."""
    return extract_text(step.document, max_chars=MAX_DOCUMENT_TEXT) if step.document else ""


def _meeting(case):
    if case.meeting_id is None:
        return {}
    item = case.agenda_item
    return {
        "meeting_date": case.meeting.date.isoformat(),
        "agenda_item": f"item {item.number}: {item.title}" if item else "",
    }


def case_record(case):
    """What a release freezes of ``case``: its fields as the public reads them and every step
    recorded so far."""
    reserve = case.reserve_for
    return {
        "year": case.year,
        "case": {
            "kind": case.kind,
            "year": case.year,
            "post": case.post,
            "candidate": case.candidate,
            "summary": case.summary,
            "reserve_for": (
                {"pk": reserve.pk, "candidate": reserve.candidate} if reserve is not None else None
            ),
            **_meeting(case),
        },
        "steps": [
            {
                "pk": step.pk,
                "date": step.date.isoformat(),
                "amount": str(step.amount) if step.amount is not None else None,
                **{name: getattr(step, name) for name in _AS_THEY_ARE},
                "document": step.document.name if step.document else "",
                "document_sha256": _sha256(step.document),
            }
            for step in case.steps.order_by("date", "pk")
        ],
    }


def record_text(case):
    """Plain text for site search: what the public page says and what the documents say."""
    parts = [str(case), case.summary]
    for step in case.steps.order_by("date", "pk"):
        parts += [step.label, step.summary, step.document_title, document_text(step)]
    return "\n".join(part for part in parts if part)


def frozen_case(version):
    """The case and its steps as ``version`` froze them: unsaved instances for display only,
    with ``meeting_date``, ``agenda_item_label`` and ``released_reserve_for`` as released."""
    from .models import Case, Step

    data = version.data or {}
    fields = data.get("case", {})
    case = Case(
        pk=version.object_id,
        kind=fields.get("kind", ""),
        year=fields.get("year"),
        post=fields.get("post", ""),
        candidate=fields.get("candidate", ""),
        summary=fields.get("summary", ""),
    )
    case._state.adding = False
    case.title = version.title
    meeting_date = fields.get("meeting_date")
    case.meeting_date = datetime.date.fromisoformat(meeting_date) if meeting_date else None
    case.agenda_item_label = fields.get("agenda_item", "")
    reserve = fields.get("reserve_for")
    if reserve:
        reserve = {**reserve, "url": reverse("casework:hearing", kwargs={"pk": reserve["pk"]})}
    case.released_reserve_for = reserve
    steps = []
    for row in data.get("steps", []):
        step = Step(
            pk=row["pk"],
            date=datetime.date.fromisoformat(row["date"]),
            amount=Decimal(row["amount"]) if row.get("amount") is not None else None,
            document=row.get("document", ""),
            **{name: row.get(name) for name in _AS_THEY_ARE if row.get(name) is not None},
        )
        step._state.adding = False
        step.case = case
        steps.append(step)
    return case, steps


def released_document(version, step_pk):
    """The frozen row of step ``step_pk`` in ``version`` if it released a document, else None."""
    for row in (version.data or {}).get("steps", []):
        if row.get("pk") == step_pk and row.get("document"):
            return row
    return None
