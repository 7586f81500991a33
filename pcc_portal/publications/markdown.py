"""Markdown, as GOV.UK content designers write it, rendered to safe HTML with GOV.UK classes.

Authors' text is untrusted: it is rendered, cleaned with an allow-list (nh3), given the Design
System's classes, and cleaned again, so the classing step cannot let anything through. Stored HTML
goes through ``sanitise_html`` once more before it is shown. Images are kept only when they are the
portal's own (an uploaded image or a static file) and say what they show in their alt text.
"""

import re
from html import escape
from html.parser import HTMLParser

import markdown
import nh3
from django.conf import settings

# The shape authors may give a document: headings, paragraphs, lists, tables, links, emphasis,
# quotes, code, and the portal's own images. No embedded media, no forms, no author-chosen
# attributes.
ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td",
    "a", "strong", "em", "blockquote", "code", "pre", "br", "hr", "img",
}  # fmt: skip

# Where uploaded images live in the public media storage (see pcc_portal.pages.models.Image).
IMAGE_UPLOAD_DIRECTORY = "images/"
# An uploaded image's address is its random name; a static image's a plain path of our own files.
_UPLOADED_IMAGE = r"images/[A-Za-z0-9_-]+\.(?:png|jpg)"
_STATIC_IMAGE = r"(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_.-]+\.(?:png|jpg|jpeg|gif|svg)"

# Whatever these hold is dropped with them, not shown as text.
DROPPED_WITH_CONTENT = {
    "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
    "textarea", "select", "title", "xmp", "noembed", "noframes",
}  # fmt: skip

URL_SCHEMES = {"https", "mailto"}
LINK_REL = "noopener noreferrer"
TH_SCOPES = {"col", "row", "colgroup", "rowgroup"}

# The Design System's classes for each element; nothing else may carry a class.
GOVUK_CLASSES = {
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "h5": "govuk-heading-s",
    "h6": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "a": "govuk-link",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
}
NUMERIC_CLASSES = {"th": "govuk-table__header--numeric", "td": "govuk-table__cell--numeric"}
ALLOWED_CLASSES = {tag: set(classes.split()) for tag, classes in GOVUK_CLASSES.items()}
for _tag, _numeric in NUMERIC_CLASSES.items():
    ALLOWED_CLASSES[_tag].add(_numeric)

# URL parsers drop these anywhere in a URL, and ignore them (and spaces) around it.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(chr(c) for c in range(0x21))


def is_own_image(src):
    """Whether an image address is the portal's own: an uploaded image in the public media
    storage, or an image among the static files. Anything else is never shown or fetched."""
    media = re.escape(settings.MEDIA_URL) + _UPLOADED_IMAGE
    static = re.escape(settings.STATIC_URL) + _STATIC_IMAGE
    return bool(src) and any(re.fullmatch(pattern, src) for pattern in (media, static))


def _filter_attributes(tag, attribute, value):
    if tag == "img":
        if attribute == "src":
            return value if is_own_image(value) else None
        return " ".join(value.split()) or None
    if attribute != "class":
        return value
    allowed = ALLOWED_CLASSES.get(tag, ())
    kept = [name for name in value.split() if name in allowed]
    return " ".join(dict.fromkeys(kept)) or None


def _site_relative_only(url):
    """Keep relative links only when they stay on this site: "/path" or "#fragment"."""
    url = _URL_IGNORED.sub("", url).strip(_URL_TRIMMED)
    # "//host" and "/\host" are read by browsers as links to another host.
    if url.startswith("/") and url[1:2] not in ("/", "\\"):
        return url
    if url.startswith("#"):
        return url
    return None


# First pass over freshly rendered Markdown: headings at every level (demoted afterwards), table
# alignment as a plain value, no classes at all.
_rendered_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS | {"h1"},
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes={"a": {"href", "title"}, "img": {"src", "alt"}},
    attribute_filter=_filter_attributes,
    tag_attribute_values={
        "th": {"scope": TH_SCOPES, "align": {"left", "center", "right"}},
        "td": {"align": {"left", "center", "right"}},
    },
    url_schemes=URL_SCHEMES,
    url_relative=_site_relative_only,
    link_rel=LINK_REL,
)

# The allow-list for HTML as stored and shown: the first pass's, with GOV.UK classes only.
_stored_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes={
        **{tag: {"class"} for tag in ALLOWED_CLASSES},
        "a": {"href", "title", "class"},
        "img": {"src", "alt"},
    },
    attribute_filter=_filter_attributes,
    tag_attribute_values={"th": {"scope": TH_SCOPES}},
    url_schemes=URL_SCHEMES,
    url_relative=_site_relative_only,
    link_rel=LINK_REL,
)


class _Reserialiser(HTMLParser):
    """Write sanitised HTML out again as it came (text still escaped); subclasses change tags."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    @classmethod
    def rewrite(cls, html):
        parser = cls()
        parser.feed(html)
        parser.close()
        return "".join(parser.out)


class _GovukClasses(_Reserialiser):
    """Re-serialise sanitised HTML with headings demoted one level, GOV.UK classes, and scope on
    table header cells. Text passes through as it came, still escaped."""

    def __init__(self):
        super().__init__()
        self.in_thead = 0
        self.in_dropped_link = False

    def _tag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            return f"h{min(int(tag[1]) + 1, 6)}"
        return tag

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "thead":
            self.in_thead += 1
        # A link whose address was removed as unsafe is left as its words.
        if tag == "a" and not attrs.get("href"):
            self.in_dropped_link = True
            return
        tag = self._tag(tag)
        classes = GOVUK_CLASSES.get(tag, "")
        align = attrs.pop("align", None)
        if align == "right" and tag in NUMERIC_CLASSES:
            classes = f"{classes} {NUMERIC_CLASSES[tag]}"
        if tag == "th" and "scope" not in attrs:
            attrs["scope"] = "col" if self.in_thead else "row"
        if classes:
            attrs["class"] = classes
        rendered = "".join(
            f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs.items()
        )
        self.out.append(f"<{tag}{rendered}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "img":
            return
        if tag == "thead":
            self.in_thead = max(self.in_thead - 1, 0)
        if tag == "a" and self.in_dropped_link:
            self.in_dropped_link = False
            return
        self.out.append(f"</{self._tag(tag)}>")


def _add_govuk_classes(html):
    return _GovukClasses.rewrite(html)


class _ImagesChecked(_Reserialiser):
    """Pass cleaned HTML through unchanged but for images that lost their address (not the
    portal's own) or have no alt text: those are dropped."""

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attrs = dict(attrs)
            if not attrs.get("src") or not (attrs.get("alt") or "").strip():
                return
        self.out.append(self.get_starttag_text())

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")


def _drop_unusable_images(html):
    if "<img" not in html:
        return html
    return _ImagesChecked.rewrite(html)


def sanitise_html(html: str) -> str:
    """Clean stored HTML with the portal's allow-list (GOV.UK classes kept, nothing else)."""
    return _drop_unusable_images(_stored_cleaner.clean(html))


def unusable_images(text: str) -> list[str]:
    """The images in an author's Markdown that will not be shown, each described for the author:
    those with no alt text, and those from anywhere but the portal's own images."""
    parser = _ImageInventory()
    parser.feed(markdown.markdown(text or ""))
    parser.close()
    problems = []
    for src, alt in parser.images:
        if not is_own_image(src):
            problems.append(
                f"The image {src[:80] or '(no address)'} is not one of the portal's images: "
                "upload it on the images page and use the address shown there."
            )
        elif not alt.strip():
            problems.append(
                f"The image {src} has no alternative text: write what it shows between the "
                f"square brackets, ![like this]({src})."
            )
    return problems


class _ImageInventory(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attrs = dict(attrs)
            self.images.append((attrs.get("src") or "", attrs.get("alt") or ""))

    handle_startendtag = handle_starttag


def render_markdown(text: str) -> str:
    """Render an author's Markdown to safe HTML with GOV.UK classes.

    Pages own their <h1>, so an author's "#" heading becomes an <h2>, and every level below
    moves down one with it.
    """
    md = markdown.Markdown(
        extensions=["tables", "sane_lists"],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    html = _rendered_cleaner.clean(md.convert(text or ""))
    return sanitise_html(_add_govuk_classes(html))


class _Text(HTMLParser):
    BLOCKS = {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "tr",
        "blockquote", "pre", "br", "hr",
    }  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.handle_starttag(tag, [])

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))


def markdown_to_text(text: str) -> str:
    """The words of an author's Markdown as plain text, one line per block (for search)."""
    parser = _Text()
    parser.feed(render_markdown(text))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
