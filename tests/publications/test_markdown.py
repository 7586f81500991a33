"""Authors' Markdown becomes GOV.UK HTML; nothing an author writes can run in a reader's browser."""

import re
from html.parser import HTMLParser

import pytest

from pcc_portal.publications.markdown import (
    ALLOWED_TAGS,
    markdown_to_text,
    render_markdown,
    sanitise_html,
)

# Raw HTML, as an author might paste it into Markdown or as it might sit in stored HTML.
HTML_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="&#14;javascript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="//evil.example/">x</a>',
    '<a href="/\\evil.example/">x</a>',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    "<javascript:alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example"><input name=x><button>Go</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 '
    'onerror=alert(1)&gt;">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><img src=x onerror=alert(1)></template>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<div onmouseover="alert(1)">x</div>',
    '<p onmouseover="alert(1)" class="govuk-body x">x</p>',
    '<a href="https://example.org" title="&lt;p onmouseover=alert(1) x">x</a>',
    '<details open ontoggle="alert(1)">x</details>',
    '<video><source onerror="alert(1)"></video>',
    '<input autofocus onfocus="alert(1)">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
    '<th scope="javascript:alert(1)">x</th>',
    '<p class="govuk-body" class="x" onclick="alert(1)">x</p>',
]

# Markdown's own ways of writing links, images and blocks, around hostile content.
MARKDOWN_PAYLOADS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav\tascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript&colon;alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](<java\nscript:alert(1)>)",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](//evil.example/)",
    "[x][evil]\n\n[evil]: javascript:alert(1)",
    '[x][evil]\n\n[evil]: <JAVASCRIPT:alert(1)> "t"',
    "![x](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "[![x](https://evil.example/x.png)](javascript:alert(1))",
    '<https://example.org/" onmouseover="alert(1)>',
    "<evil@example.org>",
    "| a |\n| - |\n| <img src=x onerror=alert(1)> |",
    "> <script>alert(1)</script>",
    "- <a href='javascript:alert(1)'>x</a>",
    "# <img src=x onerror=alert(1)>",
    "*<script>alert(1)</script>*",
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "## Heading {: onclick=alert(1) }",
    'Text\n{: onclick="alert(1)" }',
]


class _Inventory(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def _safe_url(url):
    url = url.strip()
    return (
        url.startswith(("https://", "mailto:", "#"))
        or (url.startswith("/") and not url.startswith(("//", "/\\")))
    ) and not re.search(r"[\x00-\x20]", url.split(":", 1)[0])


def assert_nothing_executable(html):
    inventory = _Inventory()
    inventory.feed(html)
    inventory.close()
    assert inventory.tags <= ALLOWED_TAGS, html
    for _tag, name, value in inventory.attributes:
        assert not name.startswith("on"), html
        assert name in {"href", "title", "rel", "class", "scope"}, html
        if name in ("href", "src", "action", "formaction"):
            assert _safe_url(value), html
    assert "javascript:" not in html.lower()
    assert "<script" not in html.lower()
    assert "data:" not in html.lower()


@pytest.mark.parametrize("payload", HTML_PAYLOADS + MARKDOWN_PAYLOADS)
def test_rendered_markdown_leaves_nothing_executable(payload):
    assert_nothing_executable(render_markdown(payload))


@pytest.mark.parametrize("payload", HTML_PAYLOADS)
def test_sanitised_html_leaves_nothing_executable(payload):
    assert_nothing_executable(sanitise_html(payload))


@pytest.mark.parametrize("payload", HTML_PAYLOADS + MARKDOWN_PAYLOADS)
def test_payloads_inside_a_document_leave_nothing_executable(payload):
    document = f"# Heading\n\nSome text.\n\n{payload}\n\n- a list\n- of things\n"
    assert_nothing_executable(render_markdown(document))


def test_authors_headings_are_demoted_below_the_pages_h1_and_classed():
    html = render_markdown("# Our priorities\n\n## Victims\n\n### Support\n\n#### Detail\n")
    assert "<h1" not in html
    assert '<h2 class="govuk-heading-l">Our priorities</h2>' in html
    assert '<h3 class="govuk-heading-m">Victims</h3>' in html
    assert '<h4 class="govuk-heading-s">Support</h4>' in html
    assert '<h5 class="govuk-heading-s">Detail</h5>' in html


def test_raw_html_headings_are_demoted_too():
    assert render_markdown("<h1>Raw</h1>") == '<h2 class="govuk-heading-l">Raw</h2>'


def test_paragraphs_and_emphasis_are_classed():
    html = render_markdown("Some *light* and **strong** words.")
    assert html == (
        '<p class="govuk-body">Some <em>light</em> and <strong>strong</strong> words.</p>'
    )


def test_a_markdown_table_becomes_a_govuk_table_with_column_headers():
    html = render_markdown("| Measure | Target |\n| :--- | ---: |\n| Response time | 15 |\n")
    assert '<table class="govuk-table">' in html
    assert '<thead class="govuk-table__head">' in html
    assert '<tbody class="govuk-table__body">' in html
    assert html.count('<tr class="govuk-table__row">') == 2
    assert '<th scope="col" class="govuk-table__header">Measure</th>' in html
    # Right-aligned columns are numbers: GOV.UK's numeric cells.
    assert (
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Target</th>'
    ) in html
    assert '<td class="govuk-table__cell">Response time</td>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">15</td>' in html
    assert "style=" not in html
    assert "align=" not in html


def test_https_and_mailto_links_are_kept_with_rel_and_class():
    html = render_markdown(
        '[Plan](https://www.lancashire-pcc.gov.uk/plan "The plan") and '
        "[email us](mailto:commissioner@lancashire-pcc.gov.uk)"
    )
    assert (
        '<a href="https://www.lancashire-pcc.gov.uk/plan" title="The plan" class="govuk-link" '
        'rel="noopener noreferrer">Plan</a>'
    ) in html
    assert (
        '<a href="mailto:commissioner@lancashire-pcc.gov.uk" class="govuk-link" '
        'rel="noopener noreferrer">email us</a>'
    ) in html


def test_site_relative_links_are_kept():
    html = render_markdown("[Decisions](/decisions/2021/28/)")
    assert '<a href="/decisions/2021/28/" class="govuk-link"' in html


def test_plain_http_and_unsafe_links_become_their_words():
    html = render_markdown("[old](http://example.org) and [bad](javascript:alert(1))")
    assert html == '<p class="govuk-body">old and bad</p>'


def test_bullet_and_numbered_lists_are_classed():
    html = render_markdown("- one\n- two\n\n1. first\n2. second\n")
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert "<li>one</li>" in html


def test_blockquote_and_code_are_kept():
    html = render_markdown("> Quoted\n\nUse `code`.\n\n    x < y\n")
    assert '<blockquote class="govuk-inset-text">' in html
    assert "<code>code</code>" in html
    assert "<pre><code>x &lt; y\n</code></pre>" in html


def test_authors_attributes_and_classes_are_removed():
    html = render_markdown('<p class="govuk-body evil" id="x" style="color:red">Hi</p>')
    assert html == '<p class="govuk-body">Hi</p>'


def test_sanitise_keeps_only_govuk_classes_on_their_own_elements():
    html = sanitise_html('<p class="govuk-body govuk-table hidden">a</p><ul class="x">')
    assert html == '<p class="govuk-body">a</p><ul></ul>'


SAMPLE = """# Police and Crime Plan

The Commissioner's **priorities** for *Lancashire*:

1. Protecting vulnerable people
2. Supporting victims

- [The plan](https://example.org/plan)
- [Decisions](/decisions/)
- [Email](mailto:pcc@example.org)

| Measure | 2020 | 2021 |
| --- | ---: | ---: |
| Burglary | 1,200 | 1,050 |

> A quote & "marks" <em>raw</em>

---

#### Annex
"""
SAMPLE += "Line one  \nline two\n"  # two trailing spaces: a line break


@pytest.mark.parametrize("text", [SAMPLE, *HTML_PAYLOADS, *MARKDOWN_PAYLOADS])
def test_sanitising_rendered_markdown_changes_nothing(text):
    html = render_markdown(text)
    assert sanitise_html(html) == html


def test_markdown_to_text_gives_the_words_one_block_a_line():
    assert markdown_to_text(SAMPLE).splitlines()[:6] == [
        "Police and Crime Plan",
        "The Commissioner's priorities for Lancashire:",
        "Protecting vulnerable people",
        "Supporting victims",
        "The plan",
        "Decisions",
    ]
    assert "Burglary 1,200 1,050" in markdown_to_text(SAMPLE)
    assert 'A quote & "marks" raw' in markdown_to_text(SAMPLE)


def test_markdown_to_text_drops_scripts():
    assert markdown_to_text("Hello <script>alert(1)</script>world") == "Hello world"


def test_empty_text_renders_to_nothing():
    assert render_markdown("") == ""
    assert markdown_to_text("") == ""


def test_the_sanitised_filter_cleans_stored_html_again_as_it_renders():
    from django.template import Context, Template

    template = Template("{% load publishing %}{{ html|sanitised }}")
    stored = '<p class="govuk-body">Fine</p><script>alert(1)</script><a href="javascript:x">y</a>'
    rendered = template.render(Context({"html": stored}))
    assert '<p class="govuk-body">Fine</p>' in rendered
    assert "<script" not in rendered and "javascript:" not in rendered
