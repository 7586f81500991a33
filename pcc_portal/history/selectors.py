"""Reads for change history: which models keep one, an object's records, and what each changed.

Works for any model with django-simple-history's ``HistoricalRecords``; nothing here knows a
domain model by name.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst

CHANGE_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
LONG_VALUE = 200  # characters; longer values are shown shortened, with the full text folded


def govuk_datetime(value):
    """A date and time as GOV.UK writes them: "6 December 2021 at 2:30pm", in local time."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{formats.date_format(value, 'j F Y')} at {hour}:{value.minute:02d}{suffix}"


def history_model(app_label: str, model_name: str):
    """The model named, if it keeps a history; None if there is no such model or it keeps none."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    if not hasattr(model._meta, "simple_history_manager_attribute"):
        return None
    return model


def history_records(model, pk):
    """One object's history records, live or deleted, newest first, each with who made it."""
    manager = getattr(model, model._meta.simple_history_manager_attribute)
    records = manager.filter(**{model._meta.pk.attname: pk})
    try:
        user_field = records.model._meta.get_field("history_user")
    except FieldDoesNotExist:
        user_field = None  # a model keeping only the user's id (history_user_id_field)
    if isinstance(user_field, models.ForeignKey):
        records = records.select_related("history_user")
    return records.order_by("-history_date", "-pk")


def object_for_history(model, pk, *, user, records):
    """The object ``pk`` names and whether it has been deleted, or (None, False) when it never
    existed or ``user`` may not see it.

    A deleted object's history is still shown, named from its last record: that is where its
    deletion is recorded. A live object is fetched through the model's ``visible_to(user)``
    where it has one, so history cannot show what the object's own pages would hide.
    """
    objects = model._default_manager.all()
    if hasattr(objects, "visible_to"):
        objects = objects.visible_to(user)
    obj = objects.filter(pk=pk).first()
    if obj is not None:
        return obj, False
    if model._base_manager.filter(pk=pk).exists():
        return None, False
    latest = records.first()
    if latest is None:
        return None, False
    return latest.instance, True


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    @property
    def old_is_long(self):
        return len(self.old) > LONG_VALUE

    @property
    def new_is_long(self):
        return len(self.new) > LONG_VALUE


@dataclass
class HistoryEntry:
    record: models.Model
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def date(self):
        return self.record.history_date

    @property
    def when(self):
        return govuk_datetime(self.record.history_date)

    @property
    def user(self):
        """Who made the change, or None when the system did (a task, a migration, a script)."""
        return self.record.history_user

    @property
    def change_type(self):
        return CHANGE_TYPES.get(self.record.history_type, self.record.history_type)

    @property
    def reason(self):
        return self.record.history_change_reason or ""


def history_entries(records, *, older=None, user=None):
    """An entry for each history record (given newest first), listing for each change the fields
    that differ from the record before it.

    ``older`` is the record before the last of ``records`` (the first of the next page), so the
    last entry on a page has something to compare with. Related objects are named with one query
    per related model, through its ``visible_to(user)`` where it has one; many-to-many fields are
    not compared, as that would cost queries for every row.
    """
    records = list(records)
    diffs = []
    for record, before in zip(records, [*records[1:], older], strict=True):
        changes = []
        if record.history_type == "~" and before is not None:
            m2m = [f.name for f in getattr(record, "_history_m2m_fields", ())]
            changes = [
                change
                for change in record.diff_against(before, excluded_fields=m2m).changes
                if not _same(change.old, change.new)
            ]
        diffs.append((record, changes))

    labels = _related_labels(diffs, user)
    entries = []
    for record, changes in diffs:
        fields = record._meta
        order = {f.name: index for index, f in enumerate(fields.fields)}
        entries.append(
            HistoryEntry(
                record=record,
                changes=[
                    FieldChange(
                        label=capfirst(str(fields.get_field(change.field).verbose_name)),
                        old=display_value(fields.get_field(change.field), change.old, labels),
                        new=display_value(fields.get_field(change.field), change.new, labels),
                    )
                    for change in sorted(changes, key=lambda c: order.get(c.field, len(order)))
                ],
            )
        )
    return entries


def _normalised(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def _same(old, new):
    """Whether two stored values say the same thing: a form that was saved without touching a
    field may still store it differently (a browser sends a textarea's line breaks as CRLF, an
    empty field as "" where the record had None, trailing spaces), and that is not a change."""
    return _normalised(old) == _normalised(new)


def _related_labels(diffs, user):
    wanted = defaultdict(set)
    for record, changes in diffs:
        for change in changes:
            model_field = record._meta.get_field(change.field)
            if model_field.many_to_one or model_field.one_to_one:
                related = model_field.related_model
                wanted[related].update(v for v in (change.old, change.new) if v is not None)
    labels = {}
    for related, pks in wanted.items():
        objects = related._default_manager.all()
        if hasattr(objects, "visible_to"):
            objects = objects.visible_to(user)
        labels[related] = {obj.pk: str(obj) for obj in objects.filter(pk__in=pks)}
    return labels


def display_value(model_field, value, labels=None):
    """A field's value as staff should read it: choices by label, related objects by name (from
    ``labels``, {related model: {pk: name}}), yes/no, GOV.UK dates; "" for no value."""
    labels = labels or {}
    if value is None or value == "":
        return ""
    if model_field.many_to_one or model_field.one_to_one:
        related = model_field.related_model
        return labels.get(related, {}).get(value) or f"{related._meta.verbose_name} {value}"
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return govuk_datetime(value)
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    return str(value)
