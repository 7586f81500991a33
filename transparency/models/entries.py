"""What every register entry shares: drafted, released as a frozen record, withdrawn; and the
entries of registers kept by financial year, which may be nil returns."""

from datetime import date
from decimal import Decimal

from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.financial_year import financial_year_label, financial_year_of
from pcc_portal.publications.models import (
    Publishable,
    PublishableQuerySet,
    Version,
    Withdrawal,
)


class RegisterQuerySet(PublishableQuerySet):
    """Visibility of register entries: public while a released version of the entry is not
    withdrawn. What the public reads is that version's frozen record (``published_records``),
    never the entry's live row, which may hold unreleased edits."""

    def with_release_state(self):
        """Annotate ``is_released`` (a release is public) and ``is_withdrawn`` (released once,
        every release withdrawn since), for staff lists."""
        return self.annotate(
            is_released=models.Exists(self._outer(Version.objects.public())),
            is_withdrawn=models.Exists(self._outer(Withdrawal.objects.all()))
            & ~models.Exists(self._outer(Version.objects.public())),
        )


def _priority_served(related_name, **options):
    """The plan priority a register entry or a payment serves, if one: the entry or payment
    stays when the priority goes."""
    return models.ForeignKey(
        "plans.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )


def _json_value(value):
    if isinstance(value, FieldFile):  # a file is frozen by its stored name
        return value.name or ""
    if isinstance(value, (date, Decimal)):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


class RegisterEntry(Publishable):
    """An entry in a public register: drafted, released through the check page as a frozen
    record (a ``Version`` of kind record), corrected by releasing again, withdrawn with a reason.
    Edits after a release stay private until the next release."""

    register = ""  # the register's slug in /transparency/<register>/
    version_kind = Version.Kind.RECORD
    search_reads_pdf = False
    # Kept out of the frozen record: bookkeeping, not what the register says.
    NOT_RELEASED = ("id", "updated_at")

    is_sample = models.BooleanField(
        "Sample entry",
        default=False,
        help_text="Demonstration data, shown to the public marked as a sample.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    # Every register keeps its entries' history alike (each gets its own historical model).
    history = HistoricalRecords(excluded_fields=["updated_at"], inherit=True)
    objects = RegisterQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        url = reverse("transparency:register", kwargs={"register": self.register})
        return f"{url}#entry-{self.pk}"

    def get_manage_url(self):
        return reverse(
            "transparency_manage:entry_edit", kwargs={"register": self.register, "pk": self.pk}
        )

    def get_preview_url(self):
        return ""

    def search_document(self):
        raise NotImplementedError

    def publication_title(self):
        return self.search_document()["title"]

    def publication_text(self):
        return self.search_document()["body"]

    def publication_data(self):
        """The entry's fields as the public will read them, frozen in its version, and the
        year search files it under."""
        return {
            "year": self.search_document()["year"],
            "fields": {
                field.attname: _json_value(getattr(self, field.attname))
                for field in self._meta.concrete_fields
                if field.attname not in self.NOT_RELEASED
            },
        }

    @classmethod
    def from_record(cls, *, object_id, data):
        """The entry as a version froze it: an unsaved instance for display only. Fields added
        since the release take their defaults; fields removed since are ignored."""
        fields = {f.attname: f for f in cls._meta.concrete_fields}
        values = {
            name: fields[name].to_python(value)
            for name, value in (data or {}).get("fields", {}).items()
            if name in fields and name not in cls.NOT_RELEASED
        }
        entry = cls(pk=object_id, **values)
        entry._state.adding = False
        return entry


def _document(entry, kind, title, parts, day):
    """What search indexes of a register entry: only what its public page shows."""
    sample = ["Sample entry"] if entry.is_sample else []
    return {
        "kind": kind,
        "title": title,
        "body": "\n".join(str(part) for part in [*parts, *sample] if part),
        "url": entry.get_absolute_url(),
        "year": day.year,
    }


class PeriodEntry(RegisterEntry):
    """An entry of a register kept by financial year, where an entry may be a nil return: the
    statement that there was nothing to declare for the period, so an empty period is a
    statement rather than a gap."""

    financial_year = models.PositiveSmallIntegerField(
        help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26."
    )
    is_nil_return = models.BooleanField(
        "Nil return",
        default=False,
        help_text="Nothing to declare for this person and financial year.",
    )

    period_date_field = ""  # the entry's own date, which files it by default

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # An entry saved without a period covers the financial year of its date.
        day = getattr(self, self.period_date_field)
        if self.financial_year is None and day is not None:
            self.financial_year = financial_year_of(day)
        super().save(*args, **kwargs)

    @property
    def period(self):
        return financial_year_label(self.financial_year)
