"""Index documents for the API tests."""

import datetime

from django.core.files.base import ContentFile


def uploaded_item():
    """An index item staff publish documents for (not one of the two read against HMICFRS
    reports)."""
    from transparency.models import SpecifiedItem

    return (
        SpecifiedItem.objects.filter(source=SpecifiedItem.Source.UPLOAD)
        .exclude(code__in=["peel-report", "hmicfrs-responses"])
        .order_by("pk")
        .first()
    )


def index_document(item, title, by):
    """A document published for ``item`` today, covering the last month where documents say
    what period they cover."""
    from transparency.models import ItemDocument

    today = datetime.date.today()  # noqa: DTZ011
    names = {field.name for field in ItemDocument._meta.fields}
    period = (
        {"period_from": today - datetime.timedelta(days=30), "period_to": today}
        if "period_to" in names
        else {}
    )
    return ItemDocument.objects.create(
        item=item,
        title=title,
        file=ContentFile(b"%PDF-1.4 document", name="document.pdf"),
        published_on=today,
        published_by=by,
        **period,
    )
