"""Helpers for the spending review tests: rows that name a person (each a case the redaction
rule once missed), a month's file of rows, reviewing a draft, and the public channels."""

import datetime

OCTOBER = datetime.date(2025, 10, 1)
HEADING = "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount\n"

# What a tester saw published and searchable: each of these rows names a person.
MISSED = {
    "a title with a dot and no space": ("Mr.John Quillfeather", "", "Travel", "title “Mr”"),
    "a doctor with a dot and no space": ("Dr.Jane Brackenbury", "", "Travel", "title “Dr”"),
    "a title in capitals": ("MR J OAKSHOTT", "", "Travel", "title “Mr”"),
    "an initial and a surname": ("J Thistlewood", "", "Travel", "initials and a surname"),
    "initials with dots": ("J. A. Pemberwick", "", "Travel", "initials and a surname"),
    "a plain personal name": (
        "Nora Fenwicke",
        "",
        "Interpreter fees",
        "reads as a person's, and the expense type “Interpreter fees”",
    ),
    "a self-employed supplier": (
        "Harrowgate Joinery",
        "Self-employed",
        "Building maintenance",
        "supplier type “Self-employed” means a person",
    ),
    "a compensation payment": (
        "Ada Wrenfield",
        "",
        "Compensation payments",
        "expense type “Compensation payments” is paid to people",
    ),
    "a witness payment": (
        "Eli Marchbank",
        "",
        "Witness expenses",
        "expense type “Witness expenses” is paid to people",
    ),
    "an allowance": ("Pip Ravensworth", "", "Allowances", "expense type “Allowances”"),
    "a refund to an individual": (
        "Ida Coldharbour",
        "",
        "Refund to an individual",
        "expense type “Refund to an individual”",
    ),
}
NAMES = [supplier for supplier, *_ in MISSED.values()]


def _file(*rows):
    lines = [
        f"{day:02d}/10/2025,T{day},{supplier},{kind},{expense},Office,{600 + day}.00\n"
        for day, (supplier, kind, expense, *_) in enumerate(rows, start=1)
    ]
    return (HEADING + "".join(lines)).encode()


ORGANISATION = ("Sample Stationers Ltd", "Company", "Stationery")
UNFLAGGED_PERSON = ("Olive Stanmore", "Company", "Stationery")
FLAGGED_ORGANISATION = ("Sir Galahad Cleaning Ltd", "Company", "Cleaning")


def _row(draft, supplier):
    return draft.payments.get(supplier=supplier)


def _public_channels(client, words):
    """Every public response that could carry a payment: the register page, its CSV and JSON,
    search for each word, the sitemap, the transparency feed and the index."""
    urls = [
        "/transparency/spending/",
        "/transparency/spending/?month=2025-10",
        "/transparency/spending.csv",
        "/transparency/spending.json",
        "/sitemap.xml",
        "/alerts/transparency/feed/",
        "/transparency/",
    ] + [f"/search/?q={word}" for word in words]
    bodies = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.getvalue().decode()
        if url.startswith("/search/"):
            body = body.replace(url.split("q=")[1], "")  # the query itself, echoed
        bodies[url] = body
    return bodies


def _surnames(names):
    """The word of each name that nothing else on a public page says."""
    return [max(name.replace(".", " ").split(), key=len) for name in names]


def _review(client, draft, *, redact, reason="", query=""):
    return client.post(
        draft.get_manage_url() + query,
        {"redact": [str(p.pk) for p in redact], "reason": reason},
    )
