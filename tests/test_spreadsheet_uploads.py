"""Every spreadsheet staff upload for the portal to read is one field, ``SpreadsheetField``: the
file chooser offers .csv and .xlsx, and another kind or a larger file is refused beside the field,
in the same words on every page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports.forms import DecisionImportForm, EntryImportForm
from imports.spreadsheets import MAX_TABLE_BYTES
from pcc_portal.forms import SpreadsheetField
from performance.forms import ImportUploadForm
from performance.imports import MAX_BYTES
from transparency.forms import MAX_UPLOAD, SpendingUploadForm

pytestmark = pytest.mark.django_db

FORMS = [
    pytest.param(ImportUploadForm, {}, "file", MAX_BYTES, id="figures"),
    pytest.param(SpendingUploadForm, {}, "file", MAX_UPLOAD, id="spending"),
    pytest.param(DecisionImportForm, {}, "table", MAX_TABLE_BYTES, id="decisions"),
    pytest.param(EntryImportForm, {"keeps_files": True}, "table", MAX_TABLE_BYTES, id="entries"),
]


def _errors(form_class, kwargs, field, upload, *, max_bytes=None):
    form = form_class(data={}, files={field: upload}, **kwargs)
    if max_bytes is not None:
        form.fields[field].max_bytes = max_bytes
    form.is_valid()
    return form.errors.get(field, [])


@pytest.mark.parametrize(("form_class", "kwargs", "field", "limit"), FORMS)
def test_each_spreadsheet_upload_is_the_one_field_with_its_own_limit(
    form_class, kwargs, field, limit
):
    form = form_class(**kwargs)
    assert isinstance(form.fields[field], SpreadsheetField)
    assert form.fields[field].max_bytes == limit
    assert 'accept=".csv,.xlsx"' in str(form[field])


@pytest.mark.parametrize(("form_class", "kwargs", "field", "limit"), FORMS)
def test_another_kind_of_file_is_refused_in_the_same_words(form_class, kwargs, field, limit):
    upload = SimpleUploadedFile("figures.pdf", b"%PDF-1.7")
    assert _errors(form_class, kwargs, field, upload) == [
        "The file must be a spreadsheet saved as .csv or .xlsx."
    ]


@pytest.mark.parametrize(("form_class", "kwargs", "field", "limit"), FORMS)
def test_a_larger_file_is_refused_saying_its_size_and_the_limit(form_class, kwargs, field, limit):
    upload = SimpleUploadedFile("figures.csv", b"x" * 2048)
    assert _errors(form_class, kwargs, field, upload, max_bytes=1024) == [
        "The file is 2.0\xa0KB; the largest allowed is 1.0\xa0KB."
    ]


@pytest.mark.parametrize(("form_class", "kwargs", "field", "limit"), FORMS)
def test_a_spreadsheet_within_the_limit_passes_the_field(form_class, kwargs, field, limit):
    upload = SimpleUploadedFile("Figures.XLSX", b"x" * 1024)
    assert _errors(form_class, kwargs, field, upload, max_bytes=1024) == []
