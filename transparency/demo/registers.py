"""The demo's sample register entries, each released: interests, gifts and hospitality, grants,
contracts with their copies, contracts of £10,000 or less, nil returns and the forward plan."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from pcc_portal.financial_year import financial_year_label, financial_year_of
from plans.models import Priority

from .. import services
from ..models import Contract, ForwardPlanEntry, GiftHospitality, Grant, Interest, SmallContract
from .dates import months_ago


def _sample_pdf(title, text):
    """A sample document as an untagged PDF, as an office's scanned copies often are: the
    accessibility statement lists it."""
    from weasyprint import HTML

    html = f"<h1>{title}</h1><p>{text}</p><p>Sample document: not a real contract.</p>"
    return HTML(string=html).write_pdf()


def _copies(copies):
    """A contract's copies cleaned and inspected as an upload through the form would be."""
    from pcc_portal.publications.pdf_safety import make_safe

    fields = dict(copies)
    for name in ("contract_copy", "tender_copy"):
        if name in fields:
            checked = make_safe(fields[name])
            fields[name] = ContentFile(checked.content, name="copy.pdf")
            fields[f"{name}_tagged"] = checked.tagged
    return fields


def _priority(slug, number):
    return Priority.objects.filter(plan__slug=slug, number=number).first()


def _entry(model, lookup, fields, *, publisher):
    entry, created = model.objects.get_or_create(**lookup, defaults={**fields, "is_sample": True})
    if created:
        services.release_entry(entry=entry, by=publisher, note="First release")
    return created


def load_registers(today, publisher):
    made = 0
    for holder, office, category, description, registered in [
        (
            "Sample Office Holder A",
            "Police and Crime Commissioner",
            Interest.Category.MEMBERSHIP,
            "Member of a sample residents' association (sample entry).",
            today.replace(day=1),
        ),
        (
            "Sample Office Holder A",
            "Police and Crime Commissioner",
            Interest.Category.LAND,
            "Owns a home in the force area (sample entry).",
            today.replace(day=1),
        ),
        (
            "Sample Office Holder B",
            "Deputy Police and Crime Commissioner",
            Interest.Category.DIRECTORSHIP,
            "Unpaid director of a sample community interest company (sample entry).",
            today.replace(day=1),
        ),
    ]:
        made += _entry(
            Interest,
            {"holder": holder, "category": category},
            {"office": office, "description": description, "registered_on": registered},
            publisher=publisher,
        )
    for days, recipient, role, donor, kind, description, value, outcome in [
        (
            40,
            "Sample Office Holder A",
            "Police and Crime Commissioner",
            "Sample Business Network",
            GiftHospitality.Kind.HOSPITALITY,
            "Dinner at an annual awards evening (sample entry).",
            "45.00",
            "accepted",
        ),
        (
            75,
            "Sample staff member",
            "Policy Officer",
            "Sample Supplier Ltd",
            GiftHospitality.Kind.GIFT,
            "Bottle of wine at Christmas (sample entry).",
            "20.00",
            "declined",
        ),
        (
            110,
            "Sample Office Holder B",
            "Deputy Police and Crime Commissioner",
            "Sample Charity",
            GiftHospitality.Kind.HOSPITALITY,
            "Lunch at a partnership conference (sample entry).",
            "18.50",
            "accepted",
        ),
    ]:
        made += _entry(
            GiftHospitality,
            {"donor": donor, "recipient": recipient},
            {
                "offered_on": today - datetime.timedelta(days=days),
                "recipient_role": role,
                "kind": kind,
                "description": description,
                "estimated_value": Decimal(value),
                "outcome": outcome,
            },
            publisher=publisher,
        )
    plan = "police-and-crime-plan-2021-2025"
    for recipient, fund, amount, purpose, number, days, reasons in [
        (
            "Sample Community Safety Partnership",
            "Community safety partnerships",
            "25000.00",
            "Problem-solving patrols against anti-social behaviour.",
            1,
            60,
            "Patrols target the places the partnership's data show most reports of "
            "anti-social behaviour.",
        ),
        (
            "Sample Youth Diversion Trust",
            "Safer Lancashire Neighbourhoods Fund",
            "12500.00",
            "Evening activities diverting young people from crime.",
            1,
            45,
            "Diversionary activity at the times and places young people are most at risk of "
            "offending has reduced repeat offending elsewhere.",
        ),
        (
            "Sample Domestic Abuse Service",
            "Victims' services",
            "48250.00",
            "Independent domestic violence advisers for survivors.",
            3,
            90,
            "Advisers lower the risk of repeat victimisation and help survivors support "
            "prosecutions.",
        ),
        (
            "Sample Road Safety Partnership",
            "Safer Lancashire Neighbourhoods Fund",
            "8000.00",
            "Speed awareness work with schools.",
            5,
            20,
            "Speed awareness reduces the road offences behind most serious collisions.",
        ),
    ]:
        made += _entry(
            Grant,
            {"recipient": recipient},
            {
                "fund": fund,
                "amount": Decimal(amount),
                "purpose": purpose,
                "crime_reduction_reasons": reasons,
                "conditions": "Quarterly monitoring returns; unspent money returned.",
                "awarded_on": today - datetime.timedelta(days=days),
                "priority": _priority(plan, number),
            },
            publisher=publisher,
        )
    copies = {
        "OPCC-S-001": {
            "contract_copy": _sample_pdf(
                "Victims' referral and assessment service: contract (sample)",
                "A sample contract between the Police and Crime Commissioner and Sample Support "
                "Services Ltd for a victims' referral and assessment service. Prices are "
                "redacted.",
            ),
            "contract_copy_redacted_because": "The supplier's prices are commercially "
            "sensitive (Freedom of Information Act section 43).",
            "tender_copy": _sample_pdf(
                "Victims' referral and assessment service: invitation to tender (sample)",
                "A sample invitation to tender: the service wanted, how bids are scored, and "
                "the deadline for bids.",
            ),
            "priority": _priority(plan, 3),
        },
        "OPCC-S-003": {
            "contract_copy": _sample_pdf(
                "Case management software: call-off contract (sample)",
                "A sample call-off contract under a national software framework.",
            ),
        },
    }
    for reference, title, supplier, value, start, years, route in [
        (
            "OPCC-S-001",
            "Victims' referral and assessment service (sample)",
            "Sample Support Services Ltd",
            "1450000.00",
            180,
            3,
            "Open tender",
        ),
        (
            "OPCC-S-002",
            "External audit (sample)",
            "Sample Audit Services",
            "39200.00",
            400,
            5,
            "Public Sector Audit Appointments",
        ),
        (
            "OPCC-S-003",
            "Case management software (sample)",
            "Sample IT Ltd",
            "26250.00",
            30,
            2,
            "Framework call-off",
        ),
    ]:
        starts = today - datetime.timedelta(days=start)
        made += _entry(
            Contract,
            {"reference": reference},
            {
                "title": title,
                "supplier": supplier,
                "value": Decimal(value),
                "starts_on": starts,
                "ends_on": starts.replace(year=starts.year + years) - datetime.timedelta(days=1),
                "procurement": route,
                **_copies(copies.get(reference, {})),
            },
            publisher=publisher,
        )
    for reference, parties, purpose, value, days in [
        (
            "OPCC-L-001",
            "The Commissioner and Sample Printers Ltd",
            "Printing the annual report (sample)",
            "2450.00",
            50,
        ),
        (
            "OPCC-L-002",
            "The Commissioner and Sample Venue Ltd",
            "Room hire for public consultation events (sample)",
            "1800.00",
            95,
        ),
        (
            "OPCC-L-003",
            "The Commissioner and Sample Translation Services",
            "Translating the police and crime plan's summary (sample)",
            "6200.00",
            140,
        ),
    ]:
        made += _entry(
            SmallContract,
            {"reference": reference},
            {
                "parties": parties,
                "purpose": purpose,
                "value": Decimal(value),
                "agreed_on": today - datetime.timedelta(days=days),
            },
            publisher=publisher,
        )
    # Nil returns: a financial year with nothing to declare is a statement, not a gap.
    last_year = financial_year_of(today) - 1
    made += _entry(
        Interest,
        {"holder": "Sample Office Holder B", "is_nil_return": True, "financial_year": last_year},
        {
            "office": "Deputy Police and Crime Commissioner",
            "registered_on": datetime.date(last_year, 4, 30),
        },
        publisher=publisher,
    )
    made += _entry(
        GiftHospitality,
        {"recipient": "Sample Office Holder A", "is_nil_return": True, "financial_year": last_year},
        {"recipient_role": "Police and Crime Commissioner"},
        publisher=publisher,
    )
    next_february = datetime.date(today.year + (today.month >= 2), 2, 1)
    for title, expected, maker, number, restriction, summary in [
        (
            f"Revenue budget and precept {financial_year_label(next_february.year)}",
            next_february,
            "Police and Crime Commissioner",
            None,
            "",
            "Setting the budget and proposing the policing part of the council tax to the Panel.",
        ),
        (
            "Estates strategy: disposal of surplus buildings (sample)",
            months_ago(today, -2),
            "Police and Crime Commissioner",
            None,
            "Commercially sensitive: the value of the buildings before sale",
            "Which buildings to sell, and how the money is reinvested.",
        ),
        (
            "Community safety partnership grants (sample)",
            months_ago(today, -3),
            "Deputy Police and Crime Commissioner",
            1,
            "",
            "The year's grants to the community safety partnerships.",
        ),
        (
            "Domestic abuse services recommissioning (sample)",
            months_ago(today, -4),
            "Police and Crime Commissioner",
            3,
            "",
            "Recommissioning support for survivors of domestic abuse and sexual violence.",
        ),
    ]:
        made += _entry(
            ForwardPlanEntry,
            {"title": title},
            {
                "summary": summary,
                "expected_on": expected,
                "decision_maker": maker,
                "priority": _priority(plan, number) if number else None,
                "restriction_reason": restriction,
            },
            publisher=publisher,
        )
    return made
