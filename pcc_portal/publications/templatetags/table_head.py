"""A GOV.UK table's column headings in one line:
``{% table_head "Period" "Value"|numeric "Actions"|visually_hidden %}`` renders the ``<thead>``
row, one ``<th scope="col">`` a heading, so each table states only its headings."""

from dataclasses import dataclass, replace

from django import template

register = template.Library()


@dataclass(frozen=True)
class Heading:
    text: str
    numeric: bool = False
    hidden: bool = False


def _heading(value):
    return value if isinstance(value, Heading) else Heading(value)


@register.filter
def numeric(value):
    """A column of numbers: its heading is right-aligned like its cells."""
    return replace(_heading(value), numeric=True)


@register.filter
def visually_hidden(value):
    """A column whose heading only a screen reader announces, such as one of action links."""
    return replace(_heading(value), hidden=True)


@register.inclusion_tag("includes/table_head.html")
def table_head(*headings):
    return {"headings": [_heading(heading) for heading in headings]}
