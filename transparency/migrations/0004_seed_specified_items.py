"""Seed the index with every item of the Specified Information Order 2011 (as amended in 2012
and 2021), grouped by its paragraphs. Staff edit them afterwards; reversing removes the items
this migration added that no document refers to."""

from django.db import migrations

# (paragraph, code, title, description, source, portal source, cadence)
ITEMS = [
    (
        "office-holders",
        "office-holders-names",
        "Names of the office holders",
        "The names of the Commissioner, the Deputy Commissioner, the Chief Executive and the "
        "Chief Finance Officer, and how to contact the office.",
        "portal",
        "about",
        "yearly",
    ),
    (
        "office-holders",
        "roles-and-responsibilities",
        "Roles and responsibilities",
        "What the Commissioner, the Chief Constable and the Police and Crime Panel each do.",
        "portal",
        "roles",
        "yearly",
    ),
    (
        "office-holders",
        "office-holders-pay",
        "Pay and allowances of the office holders",
        "The salary and allowances of the Commissioner and the Deputy Commissioner, and the "
        "expenses they have claimed.",
        "upload",
        "",
        "yearly",
    ),
    (
        "office-holders",
        "register-of-interests",
        "Register of interests",
        "The interests of the Commissioner and the Deputy Commissioner: employment, "
        "directorships, land, memberships and anything else that might be thought to influence "
        "their work.",
        "portal",
        "interests",
        "quarterly",
    ),
    (
        "office-holders",
        "office-holder-complaints",
        "Complaints about the office holders",
        "How to complain about the Commissioner or the Deputy, and the number and nature of "
        "complaints the Police and Crime Panel has received.",
        "upload",
        "",
        "yearly",
    ),
    (
        "staff",
        "staff-structure",
        "Staff structure",
        "An organisation chart of the office's staff, their grades and the roles of senior staff.",
        "upload",
        "",
        "yearly",
    ),
    (
        "staff",
        "staff-numbers",
        "Number of staff",
        "The number of staff employed by the Commissioner, full-time equivalent, and the "
        "proportion who are women, from an ethnic minority or disabled.",
        "upload",
        "",
        "yearly",
    ),
    (
        "staff",
        "senior-salaries",
        "Senior salaries",
        "The names (with consent), salary, grade and role of each member of staff paid more "
        "than £58,200 a year, and the pay scales of all staff.",
        "upload",
        "",
        "yearly",
    ),
    (
        "staff",
        "gifts-and-hospitality",
        "Gifts and hospitality",
        "Gifts and hospitality offered to the office holders and staff: when, by whom, what, its "
        "estimated value and whether it was accepted.",
        "portal",
        "gifts",
        "quarterly",
    ),
    (
        "income-and-expenditure",
        "budget-and-precept",
        "Budget and precept",
        "The budget for the coming financial year, the precept set, and the Commissioner's "
        "proposals to the Panel before it is set.",
        "upload",
        "",
        "before-financial-year",
    ),
    (
        "income-and-expenditure",
        "statement-of-accounts",
        "Statement of accounts",
        "The audited statement of accounts of the Commissioner and the group, and the annual "
        "governance statement.",
        "upload",
        "",
        "yearly",
    ),
    (
        "income-and-expenditure",
        "spending-over-500",
        "Spending over £500",
        "Each payment over £500, monthly: date, supplier, purpose and amount. Payments to "
        "individuals are published without their names.",
        "portal",
        "spending",
        "monthly",
    ),
    (
        "income-and-expenditure",
        "grants",
        "Crime and disorder reduction grants",
        "Each grant the Commissioner makes: the recipient, the amount, its purpose, its "
        "conditions and the plan priority it serves.",
        "portal",
        "grants",
        "quarterly",
    ),
    (
        "income-and-expenditure",
        "contracts",
        "Contracts over £10,000",
        "Each contract worth more than £10,000: its reference, supplier, value and term.",
        "portal",
        "contracts",
        "quarterly",
    ),
    (
        "income-and-expenditure",
        "invitations-to-tender",
        "Invitations to tender",
        "Each invitation to tender for a contract worth more than £10,000.",
        "upload",
        "",
        "quarterly",
    ),
    (
        "income-and-expenditure",
        "allowances-and-investments",
        "Investment strategy",
        "The treasury management and investment strategy.",
        "upload",
        "",
        "before-financial-year",
    ),
    (
        "property",
        "land-and-buildings",
        "Land and buildings",
        "The land and buildings the Commissioner holds and what each is used for.",
        "upload",
        "",
        "yearly",
    ),
    (
        "property",
        "estates-strategy",
        "Estates strategy",
        "The strategy for the police estate, and its significant changes.",
        "upload",
        "",
        "yearly",
    ),
    (
        "decisions",
        "decisions",
        "Decisions of significant public interest",
        "Each decision of significant public interest, published within three working days of "
        "approval, with the report it was made on. Restricted parts are withheld and the reason "
        "given.",
        "portal",
        "decisions",
        "as-made",
    ),
    (
        "decisions",
        "forward-plan",
        "Forward plan",
        "Decisions of significant public interest the Commissioner expects to make in the coming "
        "months.",
        "portal",
        "forward-plan",
        "monthly",
    ),
    (
        "decisions",
        "panel-meetings",
        "Police and Crime Panel agendas and reports",
        "The agenda and papers of each meeting of the Police and Crime Panel, published before "
        "the meeting.",
        "portal",
        "panel-meetings",
        "quarterly",
    ),
    (
        "decisions",
        "panel-minutes",
        "Police and Crime Panel minutes",
        "The minutes of each meeting of the Police and Crime Panel.",
        "portal",
        "panel-minutes",
        "quarterly",
    ),
    (
        "decisions",
        "accountability-meetings",
        "Strategic scrutiny meetings",
        "The agendas and notes of the Commissioner's meetings holding the Chief Constable to "
        "account.",
        "portal",
        "scrutiny-meetings",
        "quarterly",
    ),
    (
        "decisions",
        "decisions-reports",
        "Decisions reports to the Panel",
        "The list of decisions taken since the Panel last met, as reported to each meeting.",
        "portal",
        "decisions-report",
        "quarterly",
    ),
    (
        "policies",
        "records-management",
        "Records management and retention",
        "How the office keeps and disposes of its records.",
        "upload",
        "",
        "yearly",
    ),
    (
        "policies",
        "data-protection",
        "Data protection and privacy",
        "How the office handles personal data, and how to ask for yours.",
        "upload",
        "",
        "yearly",
    ),
    (
        "policies",
        "freedom-of-information",
        "Freedom of information",
        "How to make a request, the publication scheme, and the requests received and answered.",
        "upload",
        "",
        "yearly",
    ),
    (
        "policies",
        "complaints-policy",
        "Complaints policy",
        "How the office deals with complaints, including complaints about the Chief Constable.",
        "upload",
        "",
        "yearly",
    ),
    (
        "policies",
        "whistleblowing",
        "Whistleblowing policy",
        "How staff raise a concern about wrongdoing.",
        "upload",
        "",
        "yearly",
    ),
    (
        "reports",
        "police-and-crime-plan",
        "Police and crime plan",
        "The Commissioner's plan for the term: its priorities, resources and how the Chief "
        "Constable is held to account.",
        "portal",
        "plan",
        "yearly",
    ),
    (
        "reports",
        "annual-report",
        "Annual report",
        "The Commissioner's annual report on progress against the plan, presented to the Panel.",
        "upload",
        "",
        "yearly",
    ),
    (
        "reports",
        "performance-reports",
        "Performance reports",
        "The quarterly report on the Constabulary's performance against the plan's measures.",
        "portal",
        "performance-reports",
        "quarterly",
    ),
    (
        "reports",
        "crime-and-disorder-partnerships",
        "Community safety partnership reports",
        "Reports from the community safety partnerships the Commissioner funds.",
        "upload",
        "",
        "yearly",
    ),
    (
        "national",
        "national-priorities",
        "National crime and policing measures",
        "A statement of the Constabulary's contribution to the national crime and policing "
        "measures and the Strategic Policing Requirement.",
        "upload",
        "",
        "quarterly",
    ),
    (
        "national",
        "hmicfrs-responses",
        "Responses to HMICFRS reports",
        "The Commissioner's comments on each HMICFRS inspection report about the force, "
        "published within 56 days of the report.",
        "upload",
        "",
        "as-made",
    ),
    (
        "national",
        "complaints-data",
        "Complaints data",
        "How the Constabulary is handling complaints, from the Independent Office for Police "
        "Conduct's quarterly figures.",
        "upload",
        "",
        "quarterly",
    ),
    (
        "national",
        "complaints-reviews",
        "Complaint reviews",
        "How the Commissioner reviews the outcome of police complaints, and how many reviews "
        "were upheld.",
        "upload",
        "",
        "yearly",
    ),
    (
        "custody-visiting",
        "custody-visiting-scheme",
        "Independent custody visiting scheme",
        "How the scheme works, how to volunteer, and what visitors found: the yearly report.",
        "upload",
        "",
        "yearly",
    ),
    (
        "custody-visiting",
        "custody-visiting-reports",
        "Custody visiting reports",
        "The findings of independent custody visitors, quarter by quarter.",
        "upload",
        "",
        "quarterly",
    ),
]


def seed(apps, schema_editor):
    item_model = apps.get_model("transparency", "SpecifiedItem")
    for order, (paragraph, code, title, description, source, portal, cadence) in enumerate(
        ITEMS, start=1
    ):
        item_model.objects.get_or_create(
            code=code,
            defaults={
                "paragraph": paragraph,
                "order": order,
                "title": title,
                "description": description,
                "source": source,
                "portal_source": portal,
                "cadence": cadence,
            },
        )


def unseed(apps, schema_editor):
    item_model = apps.get_model("transparency", "SpecifiedItem")
    codes = [item[1] for item in ITEMS]
    item_model.objects.filter(code__in=codes, documents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("transparency", "0003_search_vector")]

    operations = [migrations.RunPython(seed, unseed)]
