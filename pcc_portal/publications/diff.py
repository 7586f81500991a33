"""What changes between two versions of a publication, line by line (difflib), for the check
page before publishing: the lines removed and added, with a little unchanged text around each
change so a reader can find it, and the unchanged stretches in between folded away."""

import difflib
from dataclasses import dataclass
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


def text_changes(old, new, *, context=CONTEXT):
    """The lines of ``new`` against ``old``: [] when nothing changed."""
    before, after = _lines(old), _lines(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    lines, done = [], 0  # done: how many of the old lines are accounted for
    for group in matcher.get_grouped_opcodes(context):
        start = group[0][1]
        if start > done:
            lines.append(Line("gap", folded=start - done))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(Line("same", text) for text in before[i1:i2])
            if tag in ("replace", "delete"):
                lines.extend(Line("removed", text) for text in before[i1:i2])
            if tag in ("replace", "insert"):
                lines.extend(Line("added", text) for text in after[j1:j2])
        done = group[-1][2]
    if lines and done < len(before):
        lines.append(Line("gap", folded=len(before) - done))
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
    row with its cells joined by " | ", so a changed figure shows as its changed row."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.text, self.cells = [], [], []
        self.skip = 0

    def _flush(self):
        text = " ".join("".join(self.text).split())
        if text:
            self.lines.append(text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self.skip += 1
        elif tag in BLOCKS and tag != "tr":
            self._flush()
        elif tag == "tr":
            self._flush()
            self.cells = []

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg"):
            self.skip = max(self.skip - 1, 0)
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
        if not self.skip:
            self.text.append(data)


def html_lines(html):
    parser = _Lines()
    parser.feed(html or "")
    parser.close()
    parser._flush()
    return "\n".join(parser.lines)


def page_changes(old_html, new_html):
    """Two frozen pages compared as the public reads them: text and tables."""
    return text_changes(html_lines(old_html), html_lines(new_html))
