"""Reads for staff pages: what needs attention on the dashboard, how promptly decisions are
published, and what publishing a decision releases."""

from django.utils import timezone

from pcc_portal.financial_year import financial_year_bounds, financial_year_label, financial_year_of
from pcc_portal.publications.selectors import Part

from . import deadlines
from .models import Decision


def publication_compliance(*, today=None):
    """Decisions signed this financial year whose publication was due by now (published, or
    signed and past their deadline), and how many of them were published within their three
    working days."""
    today = today or timezone.localdate()
    year = financial_year_of(today)
    first, last = financial_year_bounds(year)
    signed = Decision.objects.filter(decision_date__range=(first, last))
    published = list(
        signed.filter(published_on_time__isnull=False).values_list("published_on_time", flat=True)
    )
    overdue = sum(
        1
        for day in signed.awaiting_publication().values_list("decision_date", flat=True)
        if deadlines.publication_due_on(day) < today
    )
    return {
        "on_time": sum(published),
        "due": len(published) + overdue,
        "overdue": overdue,
        "financial_year": financial_year_label(year),
    }


def dashboard_attention(*, user, today=None):
    """Signed decisions awaiting publication with their deadlines (overdue first), how many
    wait for a declaration or a signature, and the year's publication compliance."""
    today = today or timezone.localdate()
    decisions = Decision.objects.visible_to(user)
    awaiting = []
    for decision in decisions.awaiting_publication():
        due = decision.publication_due_on
        awaiting.append(
            {"decision": decision, "due": due, "overdue": due < today, "due_today": due == today}
        )
    awaiting.sort(key=lambda item: (item["due"], item["decision"].number))
    return {
        "awaiting_publication": awaiting,
        "awaiting_signature": decisions.awaiting_signature().count(),
        "awaiting_declaration": decisions.awaiting_declaration().count(),
        "awaiting_finance_declaration": decisions.awaiting_finance_declaration().count(),
        "compliance": publication_compliance(today=today),
    }


def publication_review(*, decision):
    """For the check page before publishing ``decision``: its public notice (only the stub of
    a restricted decision) and the attachments published with Part 1. Part 2 never is."""
    if decision.is_restricted:
        parts = [
            Part(
                title="The notice and its PDF",
                detail="Restricted: only its reference, title, priority and date.",
                tagged=True,
            )
        ]
    else:
        parts = [Part(title="The notice and its PDF", detail="Part 1 in full.", tagged=True)]
        parts += [
            Part(
                title=attachment.title,
                detail=_attachment_detail(attachment),
                tagged=attachment.tagged,
            )
            for attachment in decision.attachments.all()
        ]
    return {
        "parts": parts,
        "claims": publication_claims(decision=decision),
        "notes": ["Part 2 is never published."],
    }


def _attachment_detail(attachment):
    detail = "Attachment to Part 1"
    if attachment.page_count:
        detail += f", {attachment.page_count} page{'s' if attachment.page_count != 1 else ''}"
    if attachment.removed:
        return f"{detail}, cleaned: removed {', '.join(attachment.removed)}."
    return f"{detail}, cleaned on upload (nothing active was found)."


def publication_claims(*, decision):
    """What the published PDFs say of themselves: the notice is tagged and claims PDF/UA; each
    attachment that is not tagged is named, since it does not make that claim."""
    claims = ["The notice's PDF is tagged throughout and says it is PDF/UA (accessible)."]
    if decision.is_restricted:
        return claims
    untagged = [
        attachment.title for attachment in decision.attachments.all() if not attachment.tagged
    ]
    if untagged:
        claims.append(
            "Not tagged, so not accessible to assistive technology and not claiming PDF/UA: "
            + "; ".join(f"\u201c{title}\u201d" for title in untagged)
            + "."
        )
    elif decision.attachments.exists():
        claims.append("Every attachment is tagged.")
    return claims
