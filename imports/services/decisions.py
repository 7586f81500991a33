"""Historic decisions from a spreadsheet and a ZIP of their signed notices: checked on upload,
then created all or none, published, with each financial year's numbering continued."""

import datetime
import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone

from decisions import services as decision_services
from decisions.models import Decision, DecisionSequence
from pcc_portal.accounts.models import Office
from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import extract_text, make_safe
from pcc_portal.publications.services import version_went_public

from .. import spreadsheets
from ..models import DecisionImport, ImportedRecord, ImportRun
from .base import (
    _checked,
    _kept,
    _lock_to_apply,
    _read_stored,
    _read_upload,
    _rechecked_invalid,
    _spreadsheet_run,
)


def _check(table_data, table_name, notices_data):
    header, body = spreadsheets.read_rows(table_data, table_name)
    return spreadsheets.check_decisions(header, body, notices=spreadsheets.read_zip(notices_data))


@transaction.atomic
def upload_decision_import(*, table, notices, by):
    """Keep the spreadsheet and the ZIP privately and check every row; nothing is applied.
    Raises ``spreadsheets.UnreadableUpload`` when either file cannot be read at all."""
    table_data = _read_upload(table)
    notices_data = _read_upload(notices) if notices else b""
    result = _check(table_data, table.name, notices_data)
    decision_import = _checked(
        DecisionImport(original_name=table.name[:200], uploaded_by=by), result
    )
    return _kept(
        decision_import,
        table=table,
        table_data=table_data,
        archive="notices",
        archive_data=notices_data,
    )


def _notice_version(decision, *, row, pdf, by, note, today):
    """The decision's first version, made of its signed notice as the previous system kept it
    (cleaned of scripts and embedded files) and a page that says it was imported."""
    notice = make_safe(pdf)
    content_type = ContentType.objects.get_for_model(decision)
    html = render_to_string(
        "imports/decision_body.html", {"decision": decision, "imported_on": today}
    )
    version = Version(
        content_type=content_type,
        object_id=decision.pk,
        number=1,
        document_type=decision.document_type,
        title=decision.publication_title(),
        html=html,
        document_html="",
        text="\n".join([decision.publication_text(), extract_text(notice.content, max_pages=100)]),
        change_note=note,
        published_by=by,
        page_count=notice.page_count,
        sha256=hashlib.sha256(notice.content).hexdigest(),
    )
    version.pdf.save(
        f"decision-{decision.financial_year}-{decision.number:02d}-v1-{version.sha256[:12]}.pdf",
        ContentFile(notice.content),
        save=False,
    )
    version.status = Version.Status.READY
    version.ready_at = timezone.now()
    version.save()
    version_went_public(version=version)
    return version


def _import_decision(row, *, notices, by, run, today, note):
    day = datetime.date.fromisoformat(row.decision_date)
    signed_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
    office = Office.objects.get(pk=row.office_id)
    decision = Decision.objects.create(
        status=Decision.Status.SIGNED,  # published: a live version and published_at
        financial_year=row.financial_year,
        number=row.number,
        title=row.title,
        report_by="",
        decision_maker=office,
        executive_summary=row.summary,
        recommendation="",
        background="",
        priority_scope=row.scope,
        is_restricted=row.restricted,
        created_by=by,
        # Signed and declared in the previous system, as its notice shows: the portal records
        # the date and the office, and nobody signs it again here.
        signed_at=signed_at,
        declared_at=signed_at,
        decision_date=day,
        signatory_title=office.title,
        published_at=timezone.now(),
        published_on_time=None,
    )
    decision.priorities.set(row.priority_ids)
    if row.restricted:
        publishing.publish(obj=decision, by=by, note=note)  # its stub, as the register shows
    else:
        _notice_version(
            decision, row=row, pdf=notices[row.notice.lower()], by=by, note=note, today=today
        )
    now = timezone.now()
    ImportedRecord.objects.create(
        content_object=decision,
        source=ImportRun.Source.SPREADSHEET,
        source_id=f"decision:{decision.reference}",
        fingerprint=hashlib.sha256(json.dumps(row.as_dict(), sort_keys=True).encode()).hexdigest(),
        snapshot=row.as_dict(),
        first_run=run,
        last_run=run,
        imported_at=now,
        updated_at=now,
    )
    return decision


def apply_decision_import(*, decision_import, by, today=None):
    """Create every checked decision, published with its own number and signature date, and
    continue each financial year's numbering after its highest imported number; all or none.
    The rows are checked again first: a decision numbered in the meantime is named, and
    nothing is applied."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = _lock_to_apply(DecisionImport, decision_import)
        notices_data = _read_stored(locked.notices)
        result = _check(_read_stored(locked.table), locked.original_name, notices_data)
        if result.errors:
            return _rechecked_invalid(locked, result)
        notices = spreadsheets.read_zip(notices_data)
        run = _spreadsheet_run(location=f"Decisions: {locked.original_name}", by=by)
        note = f"Imported from the previous system on {today:%-d %B %Y}."
        decisions = [
            _import_decision(row, notices=notices, by=by, run=run, today=today, note=note)
            for row in result.rows
        ]
        for year in sorted({d.financial_year for d in decisions}):
            top = max(d.number for d in decisions if d.financial_year == year)
            sequence = DecisionSequence.objects.filter(financial_year=year).first()
            taken = Decision.objects.filter(financial_year=year).aggregate(top=Max("number"))
            last = max(top, taken["top"] or 0, sequence.last_number if sequence else 0)
            decision_services.continue_numbering(financial_year=year, last_number=last)
        run.created_count = len(decisions)
        run.changes = [
            {"record": f"Decision {d.reference}", "action": "created", "detail": d.title}
            for d in decisions
        ]
        run.finished_at = timezone.now()
        run.save()
        locked.status = DecisionImport.Status.APPLIED
        locked.run = run
        locked.save()
    return locked
