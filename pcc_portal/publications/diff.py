"""What changes between two versions of a publication (difflib), for the check page before
publishing and the public comparison of published versions: text line by line (the lines removed
and added, with a little unchanged text around each change so a reader can find it, the unchanged
stretches in between folded away) and tables row by row and cell by cell."""

import difflib
from dataclasses import dataclass, field
from html.parser import HTMLParser

CONTEXT = 2  # unchanged lines kept either side of a change


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "added", "removed" or "gap" (unchanged lines folded away)
    text: str = ""
    folded: int = 0  # for a gap: how many unchanged lines it stands for


def _lines(text):
    return [
        line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()
    ]


def _opcodes(before, after, context):
    """difflib's opcodes turning ``before`` into ``after``, but only those within ``context``
    of a change: each unchanged stretch between them, or after the last, comes as one
    ("gap", i1, i2, j1, j2) instead. Nothing when nothing changed."""
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    done, changed = 0, False  # done: how many of ``before`` are accounted for
    for group in matcher.get_grouped_opcodes(context):
        _tag, start, _i2, j_start, _j2 = group[0]
        if start > done:
            yield ("gap", done, start, j_start - (start - done), j_start)
        yield from group
        done, changed = group[-1][2], True
    folded = len(before) - done
    if changed and folded:
        yield ("gap", done, len(before), len(after) - folded, len(after))


def text_changes(old, new, *, context=CONTEXT):
    """The lines of ``new`` against ``old``: [] when nothing changed."""
    before, after = _lines(old), _lines(new)
    lines = []
    for tag, i1, i2, j1, j2 in _opcodes(before, after, context):
        if tag == "gap":
            lines.append(Line("gap", folded=i2 - i1))
        if tag == "equal":
            lines.extend(Line("same", text) for text in before[i1:i2])
        if tag in ("replace", "delete"):
            lines.extend(Line("removed", text) for text in before[i1:i2])
        if tag in ("replace", "insert"):
            lines.extend(Line("added", text) for text in after[j1:j2])
    return lines


def record_changes(old, new):
    """A record's fields (``Version.data``) as lines, compared the same way."""

    def as_text(data):
        return "\n".join(f"{key}: {value}" for key, value in sorted((data or {}).items()))

    return text_changes(as_text(old), as_text(new))


BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "caption", "dt", "dd", "blockquote"}
CELLS = {"td", "th"}


class _Lines(HTMLParser):
    """A frozen page as lines of text: one a paragraph, heading or list item, and one a table
    row with its cells joined by " | ", so a changed figure shows as its changed row. With
    ``tables=False`` tables are left out (they are compared apart, by ``table_changes``)."""

    def __init__(self, *, tables=True):
        super().__init__(convert_charrefs=True)
        self.lines, self.text, self.cells = [], [], []
        self.skip = 0
        self.tables = tables
        self.in_table = 0

    def _flush(self):
        text = " ".join("".join(self.text).split())
        if text:
            self.lines.append(text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self.skip += 1
        elif tag == "br":
            self.text.append(" ")
        elif tag == "table" and not self.tables:
            self._flush()
            self.in_table += 1
        elif tag in BLOCKS and tag != "tr":
            self._flush()
        elif tag == "tr":
            self._flush()
            self.cells = []

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg"):
            self.skip = max(self.skip - 1, 0)
        elif tag == "table" and not self.tables:
            self.in_table = max(self.in_table - 1, 0)
            self.text = []
        elif self.in_table:
            return
        elif tag in CELLS:
            self.cells.append(" ".join("".join(self.text).split()))
            self.text = []
        elif tag == "tr":
            row = " | ".join(self.cells)
            if row.strip(" |"):
                self.lines.append(row)
            self.cells = []
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self.skip and not self.in_table:
            self.text.append(data)


def html_lines(html, *, tables=True):
    parser = _Lines(tables=tables)
    parser.feed(html or "")
    parser.close()
    parser._flush()
    return "\n".join(parser.lines)


def page_changes(old_html, new_html):
    """Two frozen pages' text compared as the public reads it, tables left to
    ``table_changes``."""
    return text_changes(html_lines(old_html, tables=False), html_lines(new_html, tables=False))


class _SummaryRows(HTMLParser):
    """The rows of a page's summary lists (``<dt>`` and ``<dd>``) as (key, value) pairs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.text, self.key, self.inside = [], [], None, None

    def handle_starttag(self, tag, attrs):
        if tag in ("dt", "dd"):
            self.inside, self.text = tag, []

    def handle_endtag(self, tag):
        if tag != self.inside:
            return
        text = " ".join("".join(self.text).split())
        if tag == "dt":
            self.key = text
        elif self.key is not None:
            self.rows.append((self.key, text))
            self.key = None
        self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)


def summary_changes(old_html, new_html, *, keys):
    """Only the summary list rows named in ``keys`` of two frozen pages, compared as lines
    ("Title: ..."): for a page of which the public may now read only those rows, whatever an
    earlier version showed."""

    def lines(html):
        parser = _SummaryRows()
        parser.feed(html or "")
        parser.close()
        return "\n".join(f"{key}: {value}" for key, value in parser.rows if key in keys)

    return text_changes(lines(old_html), lines(new_html))


# Tables ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    kind: str  # "same", "changed", "added" or "removed"
    text: str = ""  # what it says now (what it said, for a removed cell)
    old: str = ""  # for a changed cell: what it said before


@dataclass(frozen=True)
class Row:
    kind: str  # "same", "changed", "added", "removed" or "gap" (unchanged rows folded away)
    cells: tuple = ()
    folded: int = 0


@dataclass(frozen=True)
class TableChange:
    caption: str
    kind: str  # "changed", "added" (a new table) or "removed" (a table taken out)
    header: tuple  # the column headings, as the newer table has them
    rows: tuple

    @property
    def width(self):
        return max([len(self.header), *(len(row.cells) for row in self.rows)])


@dataclass
class _Table:
    caption: str = ""
    header: tuple = ()
    rows: list = field(default_factory=list)


class _Tables(HTMLParser):
    """A frozen page's tables: each with its caption, its column headings (the first row in
    ``<thead>``, or of headings only) and its other rows as tuples of cell texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.open = [], []
        self.text, self.cells, self.row_headings = [], [], []
        self.in_caption = self.in_head = False
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self.skip += 1
        elif tag == "table":
            self.open.append(_Table())
        elif not self.open:
            return
        elif tag == "br":
            self.text.append(" ")
        elif tag == "caption":
            self.in_caption, self.text = True, []
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.cells, self.row_headings = [], []
        elif tag in CELLS:
            self.text = []
            self.row_headings.append(tag == "th")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg"):
            self.skip = max(self.skip - 1, 0)
        elif not self.open:
            return
        elif tag == "table":
            self.tables.append(self.open.pop())
        elif tag == "caption":
            self.open[-1].caption = " ".join("".join(self.text).split())
            self.in_caption = False
        elif tag == "thead":
            self.in_head = False
        elif tag in CELLS:
            self.cells.append(" ".join("".join(self.text).split()))
            self.text = []
        elif tag == "tr":
            table, row = self.open[-1], tuple(self.cells)
            heading = self.in_head or (self.row_headings and all(self.row_headings))
            if heading and not table.header and not table.rows:
                table.header = row
            elif any(row):
                table.rows.append(row)

    def handle_data(self, data):
        if self.open and not self.skip:
            self.text.append(data)


def html_tables(html):
    parser = _Tables()
    parser.feed(html or "")
    parser.close()
    return parser.tables


def _cells(old, new):
    cells = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before == after:
            cells.append(Cell("same", after))
        elif before is None:
            cells.append(Cell("added", after))
        elif after is None:
            cells.append(Cell("removed", before))
        else:
            cells.append(Cell("changed", after, old=before))
    return tuple(cells)


def _replaced(old_rows, new_rows):
    """Rows replaced by others: a row whose first cell (what the row is about: a measure, a
    budget line) is in both is one changed row, cell by cell; rows left over pair off in order
    when as many went as came, else they are removed and added."""
    by_key = {}
    for index, row in enumerate(old_rows):
        if row:
            by_key.setdefault(row[0], index)
    paired = {}
    for index, row in enumerate(new_rows):
        match = by_key.pop(row[0], None) if row else None
        if match is not None:
            paired[index] = match
    left_old = [i for i in range(len(old_rows)) if i not in paired.values()]
    left_new = [i for i in range(len(new_rows)) if i not in paired]
    if len(left_old) == len(left_new):
        paired.update(zip(left_new, left_old, strict=True))
        left_old = []
    rows = []
    for index, row in enumerate(new_rows):
        if index in paired:
            # Rows removed from before this one's old place go where they were.
            while left_old and left_old[0] < paired[index]:
                rows.append(Row("removed", _cells(old_rows[left_old.pop(0)], ())))
            rows.append(Row("changed", _cells(old_rows[paired[index]], row)))
        else:
            rows.append(Row("added", _cells((), row)))
    rows += [Row("removed", _cells(old_rows[i], ())) for i in left_old]
    return rows


def _rows(old_rows, new_rows, context):
    rows = []
    for tag, i1, i2, j1, j2 in _opcodes(old_rows, new_rows, context):
        if tag == "gap":
            rows.append(Row("gap", folded=i2 - i1))
        elif tag == "equal":
            rows.extend(Row("same", _cells(row, row)) for row in old_rows[i1:i2])
        elif tag == "replace":
            rows.extend(_replaced(old_rows[i1:i2], new_rows[j1:j2]))
        elif tag == "delete":
            rows.extend(Row("removed", _cells(row, ())) for row in old_rows[i1:i2])
        else:
            rows.extend(Row("added", _cells((), row)) for row in new_rows[j1:j2])
    return rows


def _keyed(tables):
    """Tables by caption (or, with none, by place among the uncaptioned), so a table is
    compared with the same table in the other version."""
    keyed, seen = {}, {}
    for table in tables:
        name = table.caption or "untitled"
        seen[name] = seen.get(name, 0) + 1
        keyed[(name, seen[name])] = table
    return keyed


def table_changes(old_html, new_html, *, context=1):
    """The tables of two frozen pages compared (Markdown tables and structured ones alike): for
    each table that changed, its rows added, removed and changed, and in a changed row which
    cells changed. [] when no table changed."""
    before, after = _keyed(html_tables(old_html)), _keyed(html_tables(new_html))
    changes = []
    for key, table in after.items():
        old = before.get(key)
        if old is None:
            rows = [Row("added", _cells((), row)) for row in table.rows]
            changes.append(TableChange(table.caption, "added", table.header, tuple(rows)))
            continue
        rows = []
        if old.header != table.header:
            rows = _replaced([old.header], [table.header])
        rows += _rows(old.rows, table.rows, context)
        if any(row.kind != "same" for row in rows) and rows:
            changes.append(TableChange(table.caption, "changed", table.header, tuple(rows)))
    for key, table in before.items():
        if key not in after:
            rows = [Row("removed", _cells(row, ())) for row in table.rows]
            changes.append(TableChange(table.caption, "removed", table.header, tuple(rows)))
    return changes
