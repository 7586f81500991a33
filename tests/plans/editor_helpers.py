"""Shared by the staff editor tests: the editor's addresses, and the form data for a plan and
for each kind of part."""

from django.urls import reverse


def _url(name, **kwargs):
    return reverse(f"plans_manage:{name}", kwargs=kwargs)


PLAN_DATA = {
    "title": "Police and Crime Plan 2021-2025",
    "slug": "police-and-crime-plan-2021-2025",
    "force_area": "Lancashire",
    "commissioner": "Andrew Snowden",
    "term_start": "2021-05-13",
    "term_end": "2025-03-31",
    "summary": "Leading the fight against crime.",
}


PART_DATA = {
    "sections": {"title": "Foreword", "kind": "foreword", "placement": "before", "body": "Hi"},
    "priorities": {"title": "Targeting dangerous drivers", "summary": "", "narrative": "Text"},
    "revenue": {
        "kind": "band_d_precept",
        "label": "",
        "financial_year": "2021/22",
        "amount": "226.45",
        "note": "",
    },  # fmt: skip
    "capital": {
        "scheme": "Vehicle replacement",
        "financial_year": "2021/22",
        "amount_millions": "4.780",
    },  # fmt: skip
}
