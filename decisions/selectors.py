"""Reads for staff pages: what needs attention on the dashboard."""

from django.utils import timezone

from .models import Decision


def dashboard_attention(*, user, today=None):
    """Signed decisions awaiting publication with their deadlines (overdue first), and how many
    wait for a declaration or a signature."""
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
    }
