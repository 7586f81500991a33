"""A register's columns: each field as its CSV and JSON give it and as its page shows it."""

from dataclasses import dataclass

from django.utils.html import format_html

from ..models import ContractCopy


def _money(value):
    return f"£{value:,.2f}"


@dataclass(frozen=True)
class Column:
    heading: str
    key: str  # the CSV and JSON field name
    value: object  # entry -> value for CSV/JSON
    display: object = None  # entry -> text for the page; defaults to value

    def show(self, entry):
        return (self.display or self.value)(entry)

    # One constructor for each kind of field, so a register names each field once.

    @classmethod
    def text(cls, heading, name, *, key=None):
        return cls(heading, key or name, _text(name))

    @classmethod
    def date(cls, heading, name, *, display=None):
        return cls(heading, name, _date(name), display or _show_date(name))

    @classmethod
    def amount(cls, heading, name):
        return cls(heading, name, _amount(name), _show_amount(name))

    @classmethod
    def choice(cls, heading, name):
        return cls(heading, name, _display(name))

    @classmethod
    def or_nil_return(cls, heading, name):
        """A field that a nil return replaces, on the page, with the statement it makes."""
        return cls(heading, name, _text(name), _or_nil_return(name))

    @classmethod
    def data_only(cls, heading, name):
        """A field the CSV and JSON give and the page shows inside another column."""
        return cls(heading, name, _text(name), lambda entry: "")

    @classmethod
    def copy(cls, heading, key, kind):
        """A link to a published copy of a contract or of its invitation to tender."""
        return cls(heading, key, _copy_url(kind), _show_copy(kind))


def _date(name):
    return lambda entry: getattr(entry, name).isoformat() if getattr(entry, name) else ""


def _show_date(name):
    return lambda entry: f"{getattr(entry, name):%-d %b %Y}" if getattr(entry, name) else ""


def _text(name):
    return lambda entry: str(getattr(entry, name))


def _amount(name):
    return lambda entry: "" if getattr(entry, name) is None else str(getattr(entry, name))


def _show_amount(name):
    return lambda entry: "" if getattr(entry, name) is None else _money(getattr(entry, name))


def _display(name):
    return lambda entry: getattr(entry, f"get_{name}_display")()


def _sample(entry):
    return entry.is_sample


def _priority(entry):
    return str(entry.priority) if entry.priority_id else ""


SAMPLE = Column("Sample", "sample", _sample, lambda e: "Sample" if e.is_sample else "")
PERIOD = Column(
    "Financial year",
    "financial_year",
    lambda e: e.period if e.financial_year else "",
)
PRIORITY = Column("Plan priority", "priority", _priority)
NIL_RETURN = Column(
    "Nil return",
    "nil_return",
    lambda e: e.is_nil_return,
    lambda e: "Nil return" if e.is_nil_return else "",
)


def _or_nil_return(name):
    """The field, or for a nil return the statement it makes."""
    return lambda entry: (
        entry.nil_return_statement if entry.is_nil_return else str(getattr(entry, name))
    )


def _copy_url(kind):
    return lambda entry: entry.copy_url(kind)


def _show_copy(kind):
    def show(entry):
        url = entry.copy_url(kind)
        if not url:
            return "None published" if kind == ContractCopy.CONTRACT else ""
        label = "Contract" if kind == ContractCopy.CONTRACT else "Invitation to tender"
        redacted = getattr(entry, f"{kind}_copy_redacted_because")
        untagged = getattr(entry, f"{kind}_copy_tagged") is False
        return format_html(
            '<a class="govuk-link" href="{}">{} (PDF)</a>{}{}',
            url,
            label,
            format_html("<br>Redacted: {}", redacted) if redacted else "",
            format_html("<br>{}", "Not an accessible (tagged) PDF") if untagged else "",
        )

    return show
