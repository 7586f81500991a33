"""An agenda item's minutes as Modern.gov holds them (escaped HTML), read into Markdown text and
the item's resolutions."""

import html
import re
from html.parser import HTMLParser


class _Blocks(HTMLParser):
    """The paragraphs and list items of an HTML fragment, as plain text."""

    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.in_list_item = [], [], False

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(("- " if self.in_list_item else "") + text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
            self.in_list_item = tag == "li"

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
            self.in_list_item = False

    def handle_data(self, data):
        self.current.append(data)

    def close(self):
        super().close()
        self._flush()


RESOLVED = re.compile(r"^resolved\s*[-–—:]?\s*", re.IGNORECASE)


def minutes_from_html(body):
    """(Markdown text, [resolutions]) from an item's minutes as Modern.gov holds them: escaped
    HTML. Paragraphs starting "RESOLVED" become the item's resolutions."""
    fragment = body
    if "<" not in fragment and "&lt;" in fragment:
        fragment = html.unescape(fragment)
    parser = _Blocks()
    parser.feed(fragment)
    parser.close()
    text, resolutions = [], []
    for block in parser.blocks:
        if RESOLVED.match(block):
            resolved = RESOLVED.sub("", block, count=1).strip()
            if resolved:
                resolutions.append(resolved)
        else:
            text.append(_escape_markdown(block))
    return "\n\n".join(text), resolutions


def _escape_markdown(block):
    """Keep a list item's dash; stop the rest being read as Markdown markup."""
    prefix = ""
    if block.startswith("- "):
        prefix, block = "- ", block[2:]
    return prefix + re.sub(r"([\\`*_#\[\]<>|])", r"\\\1", block)
