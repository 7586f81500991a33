"""Spreadsheets in tests: good .xlsx workbooks and hostile ones with a DTD in their XML to
upload, the rows of a CSV a page serves, and the problems an import's page lists."""

import csv
import io
import zipfile

import lxml.html
from openpyxl import Workbook

# An external entity a sheet then uses: the parser stops on it ("undefined entity").
EXTERNAL_ENTITY = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def csv_rows(response):
    """The rows of the CSV ``response`` serves (streamed or not), each a dict keyed by heading."""
    text = response.getvalue().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def listed_problems(page):
    """The cells of each row of the page's table of problems (row, column, problem), as every
    import lists them."""
    table = lxml.html.fromstring(page).get_element_by_id("import-errors")
    return [
        [cell.text_content().strip() for cell in row.xpath("th|td")]
        for row in table.xpath("tbody/tr")
    ]


def xlsx_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_doctype(workbook, *, member="xl/worksheets/sheet1.xml", doctype=EXTERNAL_ENTITY,
                 replace=None):  # fmt: skip
    """``workbook`` (bytes) with ``doctype`` put before the root element of ``member``, and
    ``replace`` ((old, new)) applied to that member's text."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            data = source.read(name)
            if name == member:
                text = data.decode()
                start = text.index("?>") + 2 if text.startswith("<?xml") else 0
                text = text[:start] + doctype + text[start:]
                if replace:
                    text = text.replace(*replace)
                data = text.encode()
            archive.writestr(name, data)
    return out.getvalue()
