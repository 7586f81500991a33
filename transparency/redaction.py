"""The redaction rule for spending over £500: which payments may name an individual, and why.

The rule only flags. Staff confirm or change each flag on the draft upload's preview, and the
month is released whole with the redactions they chose (``services.release_spending``). Every
list the rule reads is in this module, so it can be read, argued with and changed in one place.

Types are compared normalised: lower case, anything that is not a letter or digit read as a space,
so "Self-employed", "self employed" and "SELF EMPLOYED" are one. A phrase in a list matches as
whole words anywhere in the text, each word with or without a final "s" ("expense" matches
"Witness expenses"). The name rules (a title, initials, a plain personal name) read the payee's
name as written.
"""

import re

from pcc_portal.tables import YES

# Personal titles. A title flags the payee wherever finance systems put it: at the start
# ("Mr John Smith", "Mr.John Smith", "MR J SMITH", "Dr. Jane Doe"), after a comma ("Smith, Mr
# John") or at the end ("SMITH J MR"). It must be followed by a dot, a space or the end, so
# "Drake Ltd" and "Mission Trust" are not flagged.
PERSONAL_TITLES = (
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "rev",
    "revd",
    "sir",
    "dame",
)

# Supplier types that say the payee is a person.
INDIVIDUAL_SUPPLIER_TYPES = (
    "individual",
    "person",
    "private individual",
    "sole trader",
    "self employed",
    "freelance",
    "freelancer",
    "employee",
    "volunteer",
    "member of the public",
)

# Payment (expense) types only people receive.
INDIVIDUAL_PAYMENT_TYPES = (
    "compensation",
    "witness",
    "expense",
    "allowance",
    "refund to an individual",
    "refund to individual",
    "personal refund",
    "ex gratia",
    "salary",
    "salaries",
    "wage",
    "pension",
    "honorarium",
    "volunteer",
    "reimbursement",
    "subsistence",
    "mileage",
)

# Words in the supplier type, expense type or service area that suggest an individual without
# saying so. A payee whose name reads as a plain personal name ("Jane Doe") and whom no other rule
# flags is flagged when one of them is there.
INDIVIDUAL_HINTS = (
    "fee",
    "consultancy",
    "consultant",
    "interpreter",
    "interpreting",
    "translator",
    "translation",
    "tutor",
    "trainer",
    "speaker",
    "counselling",
    "counsellor",
    "therapist",
    "panel member",
    "independent member",
    "lay member",
    "custody visitor",
    "victim",
    "claimant",
    "claim",
    "settlement",
    "damages",
    "travel",
    "personal",
    "private",
    "sole",
    "self",
    "other",
)

# Words of an organisation's name: a payee with one of them is not read as initials and a surname
# or as a plain personal name (a title still flags it: "Dr Jones Ltd" is checked by a person).
ORGANISATION_WORDS = (
    "ltd",
    "limited",
    "plc",
    "llp",
    "llc",
    "inc",
    "cic",
    "cio",
    "co",
    "company",
    "corporation",
    "group",
    "holdings",
    "services",
    "solutions",
    "systems",
    "supplies",
    "partners",
    "partnership",
    "associates",
    "solicitors",
    "chambers",
    "consulting",
    "council",
    "borough",
    "county",
    "authority",
    "police",
    "constabulary",
    "nhs",
    "trust",
    "foundation",
    "charity",
    "association",
    "society",
    "club",
    "centre",
    "center",
    "church",
    "school",
    "college",
    "university",
    "academy",
    "hospital",
    "surgery",
    "board",
    "office",
    "agency",
    "network",
    "project",
    "federation",
    "union",
    "institute",
    "uk",
    "international",
)

# What a file may already write in place of a name to say the payee is an individual (a name made
# only of these phrases, "REDACTED - PERSONAL DATA"), or in a column of its own: such a row is
# flagged whatever else it says.
MARKED_AS_INDIVIDUAL_SUPPLIERS = (
    "individual",
    "private individual",
    "redacted",
    "personal data",
    "withheld",
    "name withheld",
    "payment to an individual",
)
# Headings (normalised as ``spending.COLUMNS`` are) of a column that marks rows as individuals,
# and the values that mean "yes".
MARKED_AS_INDIVIDUAL_COLUMNS = (
    "individual",
    "isindividual",
    "payeeisindividual",
    "paymenttoindividual",
    "personaldata",
    "redact",
    "redacted",
)
MARKED_YES = YES | {"x", "individual", "redact", "redacted"}


def normalise(text):
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).split())


def _phrases(phrases):
    alternatives = sorted(
        (r"\s+".join(rf"{re.escape(word)}s?" for word in phrase.split()) for phrase in phrases),
        key=len,
        reverse=True,
    )
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b")


_SUPPLIER_TYPES = _phrases(INDIVIDUAL_SUPPLIER_TYPES)
_PAYMENT_TYPES = _phrases(INDIVIDUAL_PAYMENT_TYPES)
_HINTS = _phrases(INDIVIDUAL_HINTS)
_ORGANISATION = _phrases(ORGANISATION_WORDS)
_MARKER = _phrases(MARKED_AS_INDIVIDUAL_SUPPLIERS)

_TITLE = "|".join(sorted(PERSONAL_TITLES, key=len, reverse=True))
_TITLE_IN_NAME = re.compile(
    rf"(?:^|,)\s*(?P<title>{_TITLE})(?:\.\s*|\s+|$)(?=\S|$)"  # at the start or after a comma
    rf"|\s(?P<last>{_TITLE})\.?$",  # at the end
    re.IGNORECASE,
)
_SURNAME = r"[A-Z][A-Za-z'’-]*[A-Za-z]"
_INITIALS_THEN_SURNAME = re.compile(rf"^(?:[A-Z](?:\.\s*|\s+)){{1,3}}(?P<surname>{_SURNAME})$")
_SURNAME_THEN_INITIALS = re.compile(rf"^{_SURNAME},?\s+(?:[A-Z](?:\.\s*|\s+|$)){{1,3}}$")
_PLAIN_NAME = re.compile(rf"^{_SURNAME}(?:\s+{_SURNAME}){{1,2}}$")


def _title(supplier):
    match = _TITLE_IN_NAME.search(supplier)
    if match is None:
        return ""
    return (match.group("title") or match.group("last")).capitalize()


def _initials_and_surname(supplier):
    match = _INITIALS_THEN_SURNAME.match(supplier)
    if match:
        # "E.ON" is initials and a surname only by shape: with no space, a surname in capitals
        # is read as a company's name.
        return bool(re.search(r"\s", supplier)) or not match.group("surname").isupper()
    return bool(_SURNAME_THEN_INITIALS.match(supplier))


def redaction_flags(
    *, supplier, supplier_type="", expense_type="", service_area="", marked_as_individual=""
):
    """Why the payment may be to an individual: one reason per rule that matched, each saying
    which rule and which type it read (never the payee's name). Empty if no rule matched."""
    supplier = " ".join(str(supplier or "").split())
    reasons = []
    name = normalise(supplier)
    written_as_marker = bool(name) and not _MARKER.sub("", name).strip()
    if normalise(marked_as_individual) in MARKED_YES or written_as_marker:
        reasons.append("The file marks the payee as an individual.")
    title = _title(supplier)
    if title:
        reasons.append(f"The payee's name has the personal title “{title}”.")
    kind = normalise(supplier_type)
    if _SUPPLIER_TYPES.search(kind) and not kind.startswith("non "):
        reasons.append(f"The supplier type “{supplier_type.strip()}” means a person.")
    if _PAYMENT_TYPES.search(normalise(expense_type)):
        reasons.append(f"The expense type “{expense_type.strip()}” is paid to people.")
    if _ORGANISATION.search(name) or "&" in supplier:
        return reasons
    if _initials_and_surname(supplier):
        reasons.append("The payee's name is initials and a surname.")
    elif not reasons and _PLAIN_NAME.match(supplier):
        for label, value in (
            ("supplier type", supplier_type),
            ("expense type", expense_type),
            ("service area", service_area),
        ):
            if _HINTS.search(normalise(value)):
                reasons.append(
                    f"The payee's name reads as a person's, and the {label} “{value.strip()}” "
                    "suggests an individual."
                )
                break
    return reasons


def is_payment_to_individual(**row):
    return bool(redaction_flags(**row))
