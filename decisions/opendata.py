"""The register as open data: the fields of /decisions.csv and /decisions.json, documented once.

A restricted decision's row carries only its reference, title, priority and date, marked
restricted; every other field is empty, as on its public page.
"""

from django.utils import timezone

# (name, description): the order of the CSV's columns and of each JSON record's keys.
FIELDS = [
    ("reference", "The decision's reference, NN/YYYY: its number in the financial year that "
     "starts in April of YYYY."),
    ("financial_year", "The financial year, for example 2021/22 (1 April 2021 to 31 March 2022)."),
    ("number", "Its number within the financial year."),
    ("title", "The decision's title."),
    ("restricted", "true when the decision is restricted: only its reference, title, priority "
     "and date are published."),
    ("priorities", "The police and crime plan priorities it serves, separated by semicolons, or "
     "\u201cAll priorities\u201d or \u201cGovernance\u201d."),
    ("decision_date", "The date it was signed (YYYY-MM-DD)."),
    ("decision_maker", "Who made it: the office of its signatory, as it was when signed (the "
     "Commissioner, the Deputy, or an officer with delegated authority). Empty when restricted."),
    ("signed_by", "The name of the person who signed it. Empty when restricted."),
    ("report_by", "Who wrote the report. Empty when restricted."),
    ("executive_summary", "The executive summary, as plain text. Empty when restricted."),
    ("recommendation", "The recommendation, as plain text. Empty when restricted."),
    ("published_at", "When the notice was first published (ISO 8601, UK time)."),
    ("url", "The decision's page on this site."),
    ("pdf_url", "The decision notice as a PDF."),
]  # fmt: skip

FIELD_NAMES = [name for name, _ in FIELDS]


def record(decision, *, build_url):
    """One decision as a flat record of FIELDS; ``build_url`` makes a path absolute."""
    from pcc_portal.publications.markdown import markdown_to_text

    restricted = decision.is_restricted
    published = decision.published_at and timezone.localtime(decision.published_at)
    row = {
        "reference": decision.reference,
        "financial_year": decision.financial_year_label,
        "number": decision.number,
        "title": decision.title,
        "restricted": restricted,
        "priorities": decision.priority_text,
        "decision_date": decision.decision_date.isoformat(),
        "decision_maker": "" if restricted else decision.signatory_title,
        "signed_by": "" if restricted else decision.signatory_name,
        "report_by": "" if restricted else decision.report_by,
        "executive_summary": "" if restricted else markdown_to_text(decision.executive_summary),
        "recommendation": "" if restricted else markdown_to_text(decision.recommendation),
        "published_at": published.isoformat() if published else "",
        "url": build_url(decision.get_absolute_url()),
        "pdf_url": build_url(decision.get_pdf_url()),
    }
    return {name: row[name] for name in FIELD_NAMES}
