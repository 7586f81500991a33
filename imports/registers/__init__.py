"""Register entries from a spreadsheet (CSV or .xlsx): each register's columns as staff see them,
its template, and the check of every row.

A register's columns are its staff form's fields, headed as the public register heads them
(``transparency.selectors``), so a field added to a register's form can be imported at once.
Each row is checked by that same form, so an import accepts exactly what staff could type in,
and every problem is named with its row and column. A row already in the register (imported
before, or the same entry typed in by hand) is not imported twice. A register that keeps
files (a contract's copies) names each row's PDF in a column: the PDFs come in a ZIP, read by
the one ZIP reader (``spreadsheets.read_zip``), and each is checked and cleaned by the form as
an upload typed in by hand would be. Nothing here writes to the database.
"""

from .checking import (
    ABSENT,
    EntryRow,
    build_form,
    check_entries,
    fingerprint,
    source_id,
    uploads,
)
from .columns import (
    EXAMPLES,
    IMPORTABLE,
    LEFT_OUT,
    ImportColumn,
    _year_from_date,
    columns_of,
    form_class,
    keeps_files,
    model_of,
    public_columns,
    template_csv_rows,
    template_xlsx,
)

__all__ = [
    "ABSENT",
    "EXAMPLES",
    "IMPORTABLE",
    "LEFT_OUT",
    "EntryRow",
    "ImportColumn",
    "_year_from_date",  # the tests read it here
    "build_form",
    "check_entries",
    "columns_of",
    "fingerprint",
    "form_class",
    "keeps_files",
    "model_of",
    "public_columns",
    "source_id",
    "template_csv_rows",
    "template_xlsx",
    "uploads",
]
