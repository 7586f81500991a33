"""Demo data for the transparency hub: responsible officers on the index, a few uploaded
documents, sample register entries (clearly marked, about no real person; copies of contracts,
contracts of £10,000 or less and nil returns among them), a month of spending by the Commissioner
and by the Chief Constable uploaded and released, a forward plan, then the search index over
everything published."""

import datetime
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from pcc_portal.financial_year import financial_year_of

from . import search, services
from .models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    Interest,
    ItemDocument,
    SmallContract,
    SpecifiedItem,
    SpendingUpload,
)

GOVERNANCE = ("Head of Governance (sample)", "governance@pcc.example.org")
FINANCE = ("Chief Finance Officer (sample)", "finance@pcc.example.org")

# Items staff upload, with who answers for them; the rest of the index reads the portal.
OFFICERS = {
    "office-holders-pay": FINANCE,
    "staff-structure": GOVERNANCE,
    "staff-numbers": GOVERNANCE,
    "senior-salaries": FINANCE,
    "budget-and-precept": FINANCE,
    "statement-of-accounts": FINANCE,
    "spending-over-500": FINANCE,
    "contracts": FINANCE,
    "grants": GOVERNANCE,
    "register-of-interests": GOVERNANCE,
    "gifts-and-hospitality": GOVERNANCE,
    "forward-plan": GOVERNANCE,
    "custody-visiting-reports": GOVERNANCE,
    "peel-report": GOVERNANCE,
    "hmicfrs-responses": GOVERNANCE,
    "national-priorities": GOVERNANCE,
    "decisions": GOVERNANCE,
}


def _months_ago(today, months):
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _quarter_start(day):
    """The first day of the (financial, or calendar: they share dates) quarter of ``day``."""
    return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _documents(today):
    """(item code, title, file name, content, period from, period to): each with the period it
    covers, relative to today, so the index shows each status honestly: staff numbers as at the
    last 31 March (current), senior salaries as at the 31 March before (overdue), custody
    visiting for the quarter before last (due at the end of this quarter)."""
    last_march = datetime.date(today.year if today.month >= 4 else today.year - 1, 3, 31)
    march_before = last_march.replace(year=last_march.year - 1)
    this_quarter = _quarter_start(today)
    last_quarter = _quarter_start(this_quarter - datetime.timedelta(days=1))
    quarter_before = _quarter_start(last_quarter - datetime.timedelta(days=1))
    return [
        (
            "staff-numbers",
            "Staff numbers and diversity (sample)",
            "staff-numbers-sample.csv",
            "Measure,Value\nStaff (full-time equivalent),29.4\nWomen,62%\n"
            "From an ethnic minority,7%\nDisabled,5%\nNote,Sample figures for the demonstration\n",
            last_march,
            last_march,
        ),
        (
            "senior-salaries",
            "Senior salaries (sample)",
            "senior-salaries-sample.csv",
            "Role,Salary band\nChief Executive,£100,000 - £104,999\n"
            "Chief Finance Officer,£80,000 - £84,999\nNote,Sample figures for the demonstration\n",
            march_before,
            march_before,
        ),
        (
            "custody-visiting-reports",
            "Custody visiting findings (sample)",
            "custody-visiting-sample.csv",
            "Quarter,Visits,Detainees seen,Issues raised\nQ1,38,112,9\nQ2,41,126,6\n"
            "Note,Sample figures for the demonstration\n",
            quarter_before,
            last_quarter - datetime.timedelta(days=1),
        ),
    ]


def _inspection(today, publisher):
    """A sample PEEL inspection published four months ago: its report is on the index (7B) and
    the Commissioner's comments on it were published within the 56 days (s55)."""
    from .models import InspectionReport

    title = "PEEL inspection of the force (sample)"
    report = InspectionReport.objects.filter(title=title).first()
    made = 0
    if report is None:
        report = services.record_inspection(
            title=title,
            kind=InspectionReport.Kind.PEEL,
            published_on=today - datetime.timedelta(days=120),
            by=publisher,
        )
    for code, name, filename, content in [
        (
            "peel-report",
            "PEEL report and summary assessment (sample)",
            "peel-sample.csv",
            "Area,Grade\nPreventing crime,Good\nResponding to the public,Adequate\n"
            "Note,Sample grades for the demonstration\n",
        ),
        (
            "hmicfrs-responses",
            "The Commissioner's comments on the PEEL report (sample)",
            "peel-response-sample.csv",
            "Recommendation,Response\n1,Accepted: a plan is in place\n"
            "Note,Sample response for the demonstration\n",
        ),
    ]:
        item = SpecifiedItem.objects.get(code=code)
        if not ItemDocument.objects.filter(item=item, title=name).exists():
            services.publish_document(
                item=item,
                title=name,
                file=ContentFile(content.encode(), name=filename),
                period_from=report.published_on,
                period_to=report.published_on,
                inspection=report,
                by=publisher,
            )
            made += 1
    return made


def _spending_csv(month):
    """A month of payments over £500, including payments to individuals the rule flags."""
    rows = [
        (2, "Sample Office Supplies Ltd", "Company", "Stationery", "Office", "612.40"),
        (
            4,
            "Sample Building Services Ltd",
            "Company",
            "Building maintenance",
            "Estates",
            "3480.00",
        ),
        (6, "Mrs A Sample", "", "Travel", "Commissioning", "742.15"),
        (
            8,
            "Sample Victim Support Charity",
            "Charity",
            "Victims' services",
            "Commissioning",
            "48250.00",
        ),
        (11, "Sample Individual", "Individual", "Consultancy", "Commissioning", "1200.00"),
        (13, "Sample Youth Diversion Trust", "Charity", "Grants", "Community safety", "12500.00"),
        (15, "Sample Legal LLP", "Company", "Legal fees", "Governance", "2150.00"),
        (
            18,
            "Sample Payee",
            "",
            "Independent custody visitor expenses",
            "Custody visiting",
            "515.60",
        ),
        (20, "Sample Audit Services", "Company", "External audit", "Finance", "9800.00"),
        (22, "Sample IT Ltd", "Company", "Software licences", "ICT", "4375.00"),
        (
            25,
            "Sample Community Safety Partnership",
            "Public body",
            "Grants",
            "Community safety",
            "25000.00",
        ),
        (27, "Sample Training Ltd", "Company", "Training", "Office", "890.00"),
    ]
    return _csv_lines(month, rows, prefix="")


# Why each kind of payment was made, and why it is value for money (sample wording).
PURPOSES = {
    "Stationery": ("Office supplies for the OPCC", "Bought through the county's framework"),
    "Building maintenance": ("Repairs to the OPCC's offices", "Lowest of three quotations"),
    "Travel": ("Travel to a regional meeting", "Standard class, booked in advance"),
    "Victims' services": (
        "Independent advisers for victims of crime",
        "Awarded after open competition on price and quality",
    ),
    "Consultancy": ("Specialist advice on commissioning", "Day rate below the market average"),
    "Grants": ("Community safety grant payment", "Grant awarded against the plan's priorities"),
    "Legal fees": ("Legal advice on a contract", "Called off the legal services framework"),
    "Independent custody visitor expenses": (
        "Expenses of independent custody visitors",
        "Paid at the scheme's published rates",
    ),
    "External audit": ("The annual external audit", "Fee set by the national appointing body"),
    "Software licences": ("Case management licences", "Framework price, three-year term"),
    "Training": ("Safeguarding training for staff", "Lowest of three quotations"),
    "Fuel": ("Fuel for the Constabulary's fleet", "National fuel framework price"),
    "Vehicle maintenance": ("Servicing of patrol vehicles", "Regional framework call-off"),
    "Forensic services": ("Forensic analysis of evidence", "National forensic framework"),
    "Uniform": ("Uniform for new officers", "Regional collaboration contract"),
}


def _csv_lines(month, rows, *, prefix):
    lines = [
        "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount,"
        "Purpose,Value for money"
    ]
    for number, (day, supplier, kind, expense, area, amount) in enumerate(rows, start=1):
        purpose, value_for_money = PURPOSES.get(expense, ("", ""))
        lines.append(
            f'{day:02d}/{month:%m/%Y},{prefix}{month:%Y%m}{number:03d},"{supplier}",{kind},'
            f'"{expense}",{area},{amount},"{purpose}","{value_for_money}"'
        )
    return ("\n".join(lines) + "\n").encode()


def _chief_constables_spending_csv(month):
    """The Chief Constable's payments over £500 for the month: a second, marked source."""
    rows = [
        (3, "Sample Fuel Cards Ltd", "Company", "Fuel", "Fleet", "18450.00"),
        (9, "Sample Motor Services Ltd", "Company", "Vehicle maintenance", "Fleet", "6120.00"),
        (16, "Sample Forensics Ltd", "Company", "Forensic services", "Crime", "9875.50"),
        (23, "Sample Uniform Supplies Ltd", "Company", "Uniform", "Operations", "3310.00"),
    ]
    return _csv_lines(month, rows, prefix="CC")


def _sample_pdf(title, text):
    """A sample document as an untagged PDF, as an office's scanned copies often are: the
    accessibility statement lists it."""
    from weasyprint import HTML

    html = f"<h1>{title}</h1><p>{text}</p><p>Sample document: not a real contract.</p>"
    return HTML(string=html).write_pdf()


def _copies(copies):
    """A contract's copies cleaned and inspected as an upload through the form would be."""
    from decisions.attachments import check_pdf

    fields = dict(copies)
    for name in ("contract_copy", "tender_copy"):
        if name in fields:
            checked = check_pdf(io.BytesIO(fields[name]))
            fields[name] = ContentFile(checked.content, name="copy.pdf")
            fields[f"{name}_tagged"] = checked.tagged
    return fields


def _priority(slug, number):
    from plans.models import Priority

    return Priority.objects.filter(plan__slug=slug, number=number).first()


def _entry(model, lookup, fields, *, publisher):
    entry, created = model.objects.get_or_create(**lookup, defaults={**fields, "is_sample": True})
    if created:
        services.release_entry(entry=entry, by=publisher, note="First release")
    return created


def _registers(today, publisher):
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
            f"Revenue budget and precept {next_february.year}/{str(next_february.year + 1)[-2:]}",
            next_february,
            "Police and Crime Commissioner",
            None,
            "",
            "Setting the budget and proposing the policing part of the council tax to the Panel.",
        ),
        (
            "Estates strategy: disposal of surplus buildings (sample)",
            _months_ago(today, -2),
            "Police and Crime Commissioner",
            None,
            "Commercially sensitive: the value of the buildings before sale",
            "Which buildings to sell, and how the money is reinvested.",
        ),
        (
            "Community safety partnership grants (sample)",
            _months_ago(today, -3),
            "Deputy Police and Crime Commissioner",
            1,
            "",
            "The year's grants to the community safety partnerships.",
        ),
        (
            "Domestic abuse services recommissioning (sample)",
            _months_ago(today, -4),
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


def load(*, publisher):
    today = timezone.localdate()
    for code, (name, email) in OFFICERS.items():
        item = SpecifiedItem.objects.filter(code=code, responsible_email="").first()
        if item:
            item.responsible_name, item.responsible_email = name, email
            item._change_reason = "Demo: responsible officer"
            item.save()
    documents = 0
    for code, title, filename, content, period_from, period_to in _documents(today):
        item = SpecifiedItem.objects.get(code=code)
        if not ItemDocument.objects.filter(item=item, title=title).exists():
            services.publish_document(
                item=item,
                title=title,
                file=ContentFile(content.encode(), name=filename),
                period_from=period_from,
                period_to=period_to,
                by=publisher,
            )
            documents += 1
    documents += _inspection(today, publisher)
    entries = _registers(today, publisher)
    spending = ""
    if not SpendingUpload.objects.filter(released_at__isnull=False).exists():
        month = _months_ago(today, 1)
        draft = SpendingUpload.objects.drafts().filter(month=month, source="commissioner").first()
        draft = draft or services.upload_spending(
            month=month,
            content=_spending_csv(month),
            filename=f"spending-over-500-{month:%Y-%m}-sample.csv",
            by=publisher,
        )
        # The rule's flags are the review's choices here: the sample names no real person.
        upload = services.release_spending(upload=draft, by=publisher)
        spending = f", spending for {month:%B %Y} ({upload.row_count} payments)"
    chief = SpendingUpload.Source.CHIEF_OFFICER
    if not SpendingUpload.objects.filter(released_at__isnull=False, source=chief).exists():
        month = _months_ago(today, 1)
        draft = SpendingUpload.objects.drafts().filter(month=month, source=chief).first()
        draft = draft or services.upload_spending(
            month=month,
            content=_chief_constables_spending_csv(month),
            filename=f"chief-constable-spending-over-500-{month:%Y-%m}-sample.csv",
            by=publisher,
            source=chief,
        )
        upload = services.release_spending(upload=draft, by=publisher)
        spending += f", the Chief Constable's ({upload.row_count} payments)"
    indexed = search.rebuild_index()
    return (
        f"{SpecifiedItem.objects.count()} index items, {documents} documents, "
        f"{entries} sample register entries{spending}; {indexed} items searchable"
    )
