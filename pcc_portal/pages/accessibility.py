"""The accessibility statement's facts that the portal knows itself: which public documents are
not accessible (the uploaded PDFs it found untagged when it checked them on upload), the
compliance status that follows, and when the statement was prepared and last reviewed (its
first and latest publication).

What the regulations ask a statement to hold: the Public Sector Bodies (Websites and Mobile
Applications) (No. 2) Accessibility Regulations 2018, regulation 8 and the model statement.
"""

from dataclasses import dataclass

from django.db import models


class Compliance(models.TextChoices):
    FULL = "full", "fully compliant"
    PARTIAL = "partial", "partially compliant"
    NONE = "none", "not compliant"


@dataclass(frozen=True)
class Inaccessible:
    title: str
    url: str
    where: str  # what it belongs to, in words
    reason: str = "It is a PDF without tags, so screen readers cannot read its structure."


def _decision_attachments():
    from decisions.models import Decision, DecisionAttachment

    public = Decision.objects.public().filter(is_restricted=False)
    attachments = (
        DecisionAttachment.objects.filter(decision__in=public, tagged=False)
        .select_related("decision")
        .order_by("-decision__decision_date", "pk")
    )
    return [
        Inaccessible(
            title=attachment.title,
            url=attachment.get_absolute_url(),
            where=f"Decision {attachment.decision.public_title}",
        )
        for attachment in attachments
    ]


def _panel_papers():
    """Untagged papers of the public packs, each once (as its newest public pack has it)."""
    from panel.models import PackPaper

    papers = (
        PackPaper.objects.published()
        .filter(render__tagged=False)
        .select_related("item__build__meeting__panel", "item__build__version")
        .order_by("-item__build__meeting__date", "-item__build__version__number", "position")
    )
    seen, items = set(), []
    for paper in papers:
        meeting = paper.item.build.meeting
        key = (meeting.pk, paper.title)
        if key in seen:
            continue
        seen.add(key)
        items.append(
            Inaccessible(
                title=paper.title,
                url=paper.get_absolute_url(),
                where=f"{meeting.panel.name}, meeting of {meeting.date:%-d %B %Y}",
            )
        )
    return items


def _contract_copies():
    from transparency.models import Contract, ContractCopy
    from transparency.selectors import published_entries

    items = []
    for contract in published_entries(model=Contract):
        for kind, label in ContractCopy.choices:
            if contract.copy_file(kind) and getattr(contract, f"{kind}_copy_tagged") is False:
                items.append(
                    Inaccessible(
                        title=f"{label}: {contract.title}",
                        url=contract.copy_url(kind),
                        where=f"Contract {contract.reference}",
                    )
                )
    return items


def inaccessible_content():
    """Every public document the portal found not accessible, as (group, items) pairs."""
    groups = [
        ("Documents published with decisions", _decision_attachments()),
        ("Police and Crime Panel papers", _panel_papers()),
        ("Copies of contracts and invitations to tender", _contract_copies()),
    ]
    return [(title, items) for title, items in groups if items]


def compliance(groups):
    """Partially compliant while any public document is not accessible, else fully: every
    page the portal makes is checked against WCAG 2.2 A and AA before each release."""
    return Compliance.PARTIAL if groups else Compliance.FULL


def statement(page=None):
    """What the statement page shows beside the office's own words."""
    from pcc_portal.publications.models import Version

    groups = inaccessible_content()
    versions = (
        Version.objects.for_object(page).ready().order_by("number") if page is not None else None
    )
    first = versions.first() if versions is not None else None
    latest = versions.last() if versions is not None else None
    return {
        "compliance": compliance(groups),
        "inaccessible": groups,
        "inaccessible_count": sum(len(items) for _, items in groups),
        "prepared_on": first.published_at if first else None,
        "reviewed_on": latest.published_at if latest else None,
    }
