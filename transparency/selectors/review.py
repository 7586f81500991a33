"""The check page for releasing a register entry: each field as the public will read it."""

from django.utils.html import strip_tags

from plans.selectors import show_published_priorities

from ..models import Contract, ContractCopy
from .columns import SAMPLE
from .registers import ALL_REGISTERS


def _contract_copy_notes(contract):
    """What the check page says of a contract's copies: they become public with the release."""
    notes = []
    for kind, label in ContractCopy.choices:
        if not contract.copy_file(kind):
            if kind == ContractCopy.CONTRACT:
                notes.append(
                    "No copy of the contract is attached: the Order asks for one for each "
                    "contract over £10,000."
                )
            continue
        note = f"{label} (PDF) becomes public with this release"
        redacted = getattr(contract, f"{kind}_copy_redacted_because")
        note += f", redacted because: {redacted}." if redacted else ", not redacted."
        if getattr(contract, f"{kind}_copy_tagged") is False:
            note += " It is not a tagged PDF, so it may not suit assistive technology."
        notes.append(note)
    return notes


def release_review(*, entry):
    """The check page for releasing ``entry``: each field exactly as the public will read it
    (the plan priority as its plan published it), on the register page, in its CSV and JSON,
    in search and the feeds."""
    from pcc_portal.publications.selectors import Part, review

    shown = entry.from_record(object_id=entry.pk, data=entry.publication_data())
    if any(f.name == "priority" for f in type(entry)._meta.get_fields()):
        show_published_priorities(objects=[shown])
    columns = ALL_REGISTERS[entry.register].columns
    parts = [
        Part(
            title=column.heading,
            detail=strip_tags(str(column.show(shown)).replace("<br>", "; ")) or "(empty)",
            pdf=False,
        )
        for column in columns
        if column is not SAMPLE
    ]
    notes = ["It is marked as a sample entry."] if shown.is_sample else []
    if isinstance(shown, Contract):
        notes += _contract_copy_notes(shown)
    return review(
        obj=entry,
        parts=parts,
        claims=[
            "A register entry has no PDF: the public reads these fields on the register page, "
            "in its CSV and JSON, in search and in the feeds. Edits made after this release "
            "stay private until the next one."
        ],
        notes=notes,
    )
