"""The demo's spending: a month of payments over £500 by the Commissioner and by the Chief
Constable, as the CSV files staff upload."""


def spending_csv(month):
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


def chief_constables_spending_csv(month):
    """The Chief Constable's payments over £500 for the month: a second, marked source."""
    rows = [
        (3, "Sample Fuel Cards Ltd", "Company", "Fuel", "Fleet", "18450.00"),
        (9, "Sample Motor Services Ltd", "Company", "Vehicle maintenance", "Fleet", "6120.00"),
        (16, "Sample Forensics Ltd", "Company", "Forensic services", "Crime", "9875.50"),
        (23, "Sample Uniform Supplies Ltd", "Company", "Uniform", "Operations", "3310.00"),
    ]
    return _csv_lines(month, rows, prefix="CC")
