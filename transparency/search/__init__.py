"""Site search: the index of published content and the query over it.

Only published, unrestricted content is ever written to ``SearchEntry``: ``index_version`` takes
a ready ``Version`` (its frozen text plus the text of its PDF; a register entry's record version
its frozen text), ``index_object`` a measure of a published plan, and ``remove_object`` takes
anything out (call it in the transaction that unpublishes or restricts). On PostgreSQL the query
runs over a weighted tsvector column with a GIN index (title before body), stemmed by the
'english' configuration; on other databases, a simpler match over the same columns, each word
matched by its Snowball (English) stem, so "robberies" finds "robbery" on both.

As a ``PUBLICATION_LISTENERS`` module it provides the hooks ``index_version`` and
``remove_object``.
"""

from .indexing import (
    MAX_BODY,
    OWN_DATES,
    _year,
    index_object,
    index_version,
    is_public,
    pdf_text,
    rebuild_index,
    remove_object,
)
from .query import (
    KINDS,
    PAGE_SIZE,
    TERM,
    Result,
    SearchPage,
    kind_label,
    search,
    snippet,
    terms,
    word_stem,
)

__all__ = [
    "KINDS",
    "MAX_BODY",
    "OWN_DATES",
    "PAGE_SIZE",
    "TERM",
    "Result",
    "SearchPage",
    "_year",
    "index_object",
    "index_version",
    "is_public",
    "kind_label",
    "pdf_text",
    "rebuild_index",
    "remove_object",
    "search",
    "snippet",
    "terms",
    "word_stem",
]
