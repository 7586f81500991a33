"""Demo data for the transparency hub: responsible officers on the index, a few uploaded
documents, sample register entries (clearly marked, about no real person; copies of contracts,
contracts of £10,000 or less and nil returns among them), a month of spending by the Commissioner
and by the Chief Constable uploaded and released, a forward plan, then the search index over
everything published."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from pcc_portal.financial_year import financial_year_of, quarter_start

from .. import search, services
from ..models import ItemDocument, SpecifiedItem, SpendingUpload
from .dates import months_ago
from .registers import load_registers
from .spending import chief_constables_spending_csv, spending_csv

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


def _documents(today):
    """(item code, title, file name, content, period from, period to): each with the period it
    covers, relative to today, so the index shows each status honestly: staff numbers as at the
    last 31 March (current), senior salaries as at the 31 March before (overdue), custody
    visiting for the quarter before last (due at the end of this quarter)."""
    last_march = datetime.date(financial_year_of(today), 3, 31)
    march_before = last_march.replace(year=last_march.year - 1)
    this_quarter = quarter_start(today)
    last_quarter = quarter_start(this_quarter - datetime.timedelta(days=1))
    quarter_before = quarter_start(last_quarter - datetime.timedelta(days=1))
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
    from ..models import InspectionReport

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
    entries = load_registers(today, publisher)
    spending = ""
    if not SpendingUpload.objects.filter(released_at__isnull=False).exists():
        month = months_ago(today, 1)
        draft = SpendingUpload.objects.drafts().filter(month=month, source="commissioner").first()
        draft = draft or services.upload_spending(
            month=month,
            content=spending_csv(month),
            filename=f"spending-over-500-{month:%Y-%m}-sample.csv",
            by=publisher,
        )
        # The rule's flags are the review's choices here: the sample names no real person.
        upload = services.release_spending(upload=draft, by=publisher)
        spending = f", spending for {month:%B %Y} ({upload.row_count} payments)"
    chief = SpendingUpload.Source.CHIEF_OFFICER
    if not SpendingUpload.objects.filter(released_at__isnull=False, source=chief).exists():
        month = months_ago(today, 1)
        draft = SpendingUpload.objects.drafts().filter(month=month, source=chief).first()
        draft = draft or services.upload_spending(
            month=month,
            content=chief_constables_spending_csv(month),
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
